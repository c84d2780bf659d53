#pragma once

#include <QString>

QT_FORWARD_DECLARE_CLASS(QWidget)

// Directory the GUI tests write their screenshots into: $LINESCOPE_SCREENSHOT_DIR
// when set (the `screenshots` build target points it at docs/screenshots),
// otherwise <build dir>/screenshots, so ordinary test runs leave the checkout alone.
QString screenshotDirectory();

// Grabs the widget and saves it as <screenshotDirectory()>/<name>; fails the
// current test with the path and the reason if the directory or the file
// cannot be written. Call it from a test function (it uses QVERIFY2).
void saveScreenshot(QWidget *widget, const QString &name);
