#include "mqtt_session.h"
