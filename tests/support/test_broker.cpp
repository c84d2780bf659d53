#include "test_broker.h"
