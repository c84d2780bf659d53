#include "topic_name.h"
