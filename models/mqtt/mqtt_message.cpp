#include "mqtt_message.h"
