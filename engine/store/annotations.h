// Failure annotations in the workspace: an editable taxonomy of failure labels
// (with keyboard shortcuts for fast triage) and, per answer and annotator, one
// label and a free-text note. Answers are named by the caller's item key
// ("run:<run id>:<sample index>", "cmp:<id>:<pane>"), so any view can annotate.
//
// Every write is one transaction. Annotations shares its Workspace's connection
// and lock, so it may be used from any thread the Workspace may.
#pragma once

#include "store/workspace.h"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

struct FailureLabel {
    std::int64_t id = 0;
    std::string name;         // unique, ignoring ASCII case
    std::string description;
    std::string shortcut;     // one character (UTF-8), or empty for none; unique when set
    int position = 0;         // list order, 0 first
    std::int64_t createdMs = 0;
};

struct Annotation {
    std::string itemKey;
    std::string annotator;
    std::optional<std::int64_t> labelId;  // empty: no label (never set, or the label was deleted)
    std::string label;                    // the label's name; "" when none
    std::string note;
    std::int64_t updatedMs = 0;           // Unix milliseconds (UTC) of the last change
};

class Annotations {
public:
    explicit Annotations(Workspace& workspace) : workspace(workspace) {}

    // ---- the failure taxonomy ----
    // Throw InvalidArgument for an unknown id, an empty or taken name, or a
    // shortcut that is not one printable character or is taken by another label.
    std::vector<FailureLabel> labels();  // in list order
    std::optional<FailureLabel> label(std::int64_t id);
    FailureLabel addLabel(std::string_view name, std::string_view description = {},
                          std::string_view shortcut = {});  // appended to the end
    void renameLabel(std::int64_t id, std::string_view name);
    void describeLabel(std::int64_t id, std::string_view description, std::string_view shortcut);
    // `ids` lists every label once, in the new order.
    void reorderLabels(std::span<const std::int64_t> ids);
    // The annotations that used it keep their notes; their label becomes empty.
    void deleteLabel(std::int64_t id);

    // ---- annotations ----
    // Set one part of (itemKey, annotator)'s annotation and keep the other; an
    // annotation left with neither label nor note is removed. InvalidArgument for
    // an empty item key or annotator, or an unknown label. WrongThread on the
    // GUI thread (runtime/thread_guard.h): a commit there could wait for a writer.
    void setLabel(std::string_view itemKey, std::string_view annotator, std::optional<std::int64_t> labelId);
    void setNote(std::string_view itemKey, std::string_view annotator, std::string_view note);
    std::optional<Annotation> annotation(std::string_view itemKey, std::string_view annotator);
    std::vector<Annotation> annotationsFor(std::string_view itemKey);  // by annotator
    std::vector<Annotation> all();                                   // by item key, then annotator
    std::vector<std::string> annotators();                           // sorted, each once

    // All annotations, in all()'s order. CSV: RFC 4180 (CRLF line ends, quoted
    // fields where needed), header item_key,annotator,label,note,updated_ms.
    // JSONL: one object per line with the same keys; label is null when none.
    void exportCsv(std::ostream& out);
    void exportJsonl(std::ostream& out);

private:
    Workspace& workspace;  // its lock and connection (Annotations is its friend)
};

}  // namespace rrtf
