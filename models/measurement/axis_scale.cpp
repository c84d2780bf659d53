#include "axis_scale.h"

#include <algorithm>
#include <cmath>

namespace {

// 1, 2, 5 or 10 times the power of ten of x: the nearest one when rounding,
// else the smallest one not below x.
double niceNumber(double x, bool round)
{
    const double exponent = std::floor(std::log10(x));
    const double fraction = x / std::pow(10.0, exponent);
    double nice = 10;
    if (round)
        nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
    else
        nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * std::pow(10.0, exponent);
}

} // namespace

AxisScale AxisScale::nice(double min, double max, int ticks)
{
    ticks = std::max(2, ticks);
    if (!(max > min)) {
        const double half = std::max(1.0, std::abs(min) * 0.05);
        max = min + half;
        min -= half;
    }
    const double range = niceNumber(max - min, false);
    const double step = niceNumber(range / (ticks - 1), true);
    AxisScale scale;
    scale.min = std::floor(min / step) * step;
    scale.max = std::ceil(max / step) * step;
    scale.ticks = int(std::lround((scale.max - scale.min) / step)) + 1;
    return scale;
}
