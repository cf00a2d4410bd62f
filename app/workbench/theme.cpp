#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace rrtf {
namespace {

struct SystemLook {
    QPalette palette;
    QString styleName;
};

const SystemLook& systemLook()
{
    static const SystemLook look{QApplication::palette(), QApplication::style()->name()};
    return look;
}

void setRole(QPalette& palette, QPalette::ColorRole role, const QColor& active, const QColor& disabled)
{
    palette.setColor(QPalette::All, role, active);
    palette.setColor(QPalette::Disabled, role, disabled);
}

// A dark palette with the contrast of common dark themes (GitHub / VS Code-like greys).
QPalette darkPalette()
{
    QPalette palette;
    const QColor text(0xe6, 0xed, 0xf3);
    const QColor dimmed(0x7d, 0x85, 0x90);
    setRole(palette, QPalette::Window, QColor(0x1f, 0x23, 0x28), QColor(0x1f, 0x23, 0x28));
    setRole(palette, QPalette::WindowText, text, dimmed);
    setRole(palette, QPalette::Base, QColor(0x0d, 0x11, 0x17), QColor(0x16, 0x1b, 0x22));
    setRole(palette, QPalette::AlternateBase, QColor(0x16, 0x1b, 0x22), QColor(0x16, 0x1b, 0x22));
    setRole(palette, QPalette::ToolTipBase, QColor(0x2d, 0x33, 0x3b), QColor(0x2d, 0x33, 0x3b));
    setRole(palette, QPalette::ToolTipText, text, dimmed);
    setRole(palette, QPalette::PlaceholderText, dimmed, dimmed);
    setRole(palette, QPalette::Text, text, dimmed);
    setRole(palette, QPalette::Button, QColor(0x2d, 0x33, 0x3b), QColor(0x21, 0x26, 0x2d));
    setRole(palette, QPalette::ButtonText, text, dimmed);
    setRole(palette, QPalette::BrightText, QColor(0xff, 0x7b, 0x72), QColor(0xff, 0x7b, 0x72));
    setRole(palette, QPalette::Light, QColor(0x3d, 0x44, 0x4d), QColor(0x3d, 0x44, 0x4d));
    setRole(palette, QPalette::Midlight, QColor(0x30, 0x36, 0x3d), QColor(0x30, 0x36, 0x3d));
    setRole(palette, QPalette::Mid, QColor(0x21, 0x26, 0x2d), QColor(0x21, 0x26, 0x2d));
    setRole(palette, QPalette::Dark, QColor(0x01, 0x04, 0x09), QColor(0x01, 0x04, 0x09));
    setRole(palette, QPalette::Shadow, QColor(0, 0, 0), QColor(0, 0, 0));
    setRole(palette, QPalette::Highlight, QColor(0x1f, 0x6f, 0xeb), QColor(0x30, 0x36, 0x3d));
    setRole(palette, QPalette::HighlightedText, QColor(0xff, 0xff, 0xff), dimmed);
    setRole(palette, QPalette::Link, QColor(0x58, 0xa6, 0xff), QColor(0x58, 0xa6, 0xff));
    setRole(palette, QPalette::LinkVisited, QColor(0xbc, 0x8c, 0xff), QColor(0xbc, 0x8c, 0xff));
    return palette;
}

}  // namespace

Theme parseTheme(const QString& name)
{
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

QString themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

void applyTheme(Theme theme)
{
    const SystemLook& look = systemLook();
    if (theme == Theme::System) {
        QApplication::setStyle(look.styleName);
        QApplication::setPalette(look.palette);
        return;
    }
    // Fusion draws from the palette alone; native styles may ignore an overridden one.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(theme == Theme::Dark ? darkPalette() : QApplication::style()->standardPalette());
}

}  // namespace rrtf
