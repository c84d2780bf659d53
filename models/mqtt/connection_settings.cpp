#include "connection_settings.h"
