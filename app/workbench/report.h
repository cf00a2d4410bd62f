// The workspace as a report to share: the leaderboard (pass@k, speed, memory),
// each run's outcomes, the case studies (which model solves what, McNemar,
// the problems the models disagree on most), failure labels per model and the
// agreement between annotators. Written as Markdown or as one HTML page.
#pragma once

#include "report_document.h"

namespace rrtf {

class Workspace;

// Throws what the workspace throws when it cannot be read.
ReportDocument workspaceReport(Workspace& workspace);

// Writes the report to `path` (HTML for .html/.htm, else Markdown) in one step:
// a failed write leaves any earlier file as it was. Throws rrtf::Error naming the path.
void exportReport(Workspace& workspace, const QString& path);

}  // namespace rrtf
