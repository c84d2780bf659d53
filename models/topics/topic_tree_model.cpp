#include "topic_tree_model.h"
