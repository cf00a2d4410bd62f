#pragma once
// Colours for data series (models, runs) that stay apart for colour-blind
// readers (Okabe-Ito) and readable on the palette's Base colour.

#include <QColor>
#include <QList>
#include <QPalette>

namespace rrtf {

// The list for a palette: the light-palette list darkens the yellow and uses
// black; the dark-palette list lightens them.
QList<QColor> seriesColors(const QPalette& palette);

// Colour i of that list, cycling when there are more series than colours.
QColor seriesColor(int index, const QPalette& palette);

// True when the palette draws light text on a dark Base.
bool isDarkPalette(const QPalette& palette);

} // namespace rrtf
