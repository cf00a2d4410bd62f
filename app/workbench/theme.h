// Light or dark colours: follow the system by default, or override it. The
// override replaces the application palette (Fusion style, so every platform
// honours it); widgets that draw their own colours (editor, badges, charts)
// repaint on the palette change.
#pragma once

#include <QString>

namespace rrtf {

enum class Theme { System, Light, Dark };

// "system" | "light" | "dark"; anything else reads as System.
Theme parseTheme(const QString& name);
QString themeName(Theme theme);

// Applies the theme to the running application. The first call remembers the
// system's palette and style, so System restores them later.
void applyTheme(Theme theme);

}  // namespace rrtf
