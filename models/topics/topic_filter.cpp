#include "topic_filter.h"
