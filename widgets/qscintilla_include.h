#pragma once
// QScintilla's headers spell Qt's keywords `signals` and `slots`, but the
// project builds with QT_NO_KEYWORDS (LibTorch uses the word "slots"). Include
// QScintilla only through this header: it lends the keywords for the include
// and takes them back afterwards.

#if !defined(signals) && !defined(slots)
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define RRTF_QSCI_LENT_KEYWORDS
#endif

#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qscilexerpython.h>
#include <Qsci/qsciscintilla.h>
#include <Qsci/qscistyle.h>

#ifdef RRTF_QSCI_LENT_KEYWORDS
#undef signals
#undef slots
#undef RRTF_QSCI_LENT_KEYWORDS
#endif
