// The default failure taxonomy is stored in English (engine/store/
// workspace_schema.cpp): its names are the workspace's identifiers, shared by
// annotators who work in different languages. These show a default label in the
// user's language at display time; a label added or renamed by a user, and a
// description a user rewrote, are shown as written.
#pragma once

#include <QString>

#include <string>

namespace rrtf {

QString failureLabelName(const std::string& storedName);
QString failureLabelName(const QString& storedName);
QString failureLabelDescription(const std::string& storedName, const std::string& storedDescription);

}  // namespace rrtf
