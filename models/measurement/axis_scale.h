#pragma once

// A value axis range on "nice" numbers (1, 2 or 5 times a power of ten per
// tick, Heckbert's method), so labels read 60, 65, 70 instead of 61.37.
//
// Charts compute it from the data every frame and touch the axis only when
// the result differs: the rounding keeps it stable while the data moves
// within the ticks, and every axis change costs Qt Charts a relayout.
struct AxisScale
{
    double min = 0;
    double max = 1;
    int ticks = 2;   // tick lines including both ends

    // The smallest nice range holding [min, max] with about `ticks` ticks
    // (>= 2). An empty or inverted span is widened around min.
    static AxisScale nice(double min, double max, int ticks);

    friend bool operator==(const AxisScale &, const AxisScale &) = default;
};
