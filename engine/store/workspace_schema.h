// The workspace's schema, as the ordered list of migrations that build it.
#pragma once

#include "store/database.h"

#include <vector>

namespace rrtf {

// Migration i takes a workspace from schema version i to i + 1 (PRAGMA user_version).
// Append only: a migration that has shipped is never edited, since workspaces
// that already ran it would not run it again.
const std::vector<Migration>& workspaceMigrations();

}  // namespace rrtf
