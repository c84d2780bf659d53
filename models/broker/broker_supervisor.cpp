#include "broker_supervisor.h"
