#include "bench_util.h"

qint64 BenchUtil::residentBytes()
{
    return -1;  // not measured on this platform
}
