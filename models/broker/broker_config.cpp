#include "broker_config.h"
