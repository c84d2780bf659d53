#include "line_simulator.h"
