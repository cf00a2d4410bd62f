#pragma once
// Error and warning text that can be read on light and dark palettes alike.
// QPalette::BrightText is white in a light Fusion palette, so labels use the
// outcome badges' "error" pill colours instead, chosen again whenever the
// palette changes.

class QLabel;

namespace rrtf {

// Fills the label with the error pill colours for its parent's palette and
// keeps them in step with later palette changes (application or parent).
void styleAsError(QLabel* label);

} // namespace rrtf
