#include "secret_store.h"
