#include "topic_filter_proxy_model.h"
