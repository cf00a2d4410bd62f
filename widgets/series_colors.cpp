#include "widgets/series_colors.h"

namespace rrtf {

bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightnessF() < palette.color(QPalette::Text).lightnessF();
}

QList<QColor> seriesColors(const QPalette& palette)
{
    // Okabe & Ito (2008), reordered so the first three (the Venn circles) are
    // the most distinct; yellow and black swapped per brightness.
    if (isDarkPalette(palette))
        return {QColor(0x56b4e9), QColor(0xe69f00), QColor(0x2dc89a), QColor(0xee7bb8),
                QColor(0xf0e442), QColor(0xff8a4c), QColor(0x6fa8ff), QColor(0xcccccc)};
    return {QColor(0x0072b2), QColor(0xe69f00), QColor(0x009e73), QColor(0xcc79a7),
            QColor(0xb8a800), QColor(0xd55e00), QColor(0x56b4e9), QColor(0x333333)};
}

QColor seriesColor(int index, const QPalette& palette)
{
    const QList<QColor> colors = seriesColors(palette);
    return colors.at(((index % colors.size()) + colors.size()) % colors.size());
}

} // namespace rrtf
