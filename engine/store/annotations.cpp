#include "store/annotations.h"

#include "runtime/thread_guard.h"

#include <algorithm>
#include <ostream>

namespace rrtf {
namespace {

constexpr std::string_view kLabelColumns = "id, name, description, shortcut, position, created_ms";

constexpr std::string_view kAnnotationSelect =
    "SELECT a.item_key, a.annotator, a.label_id, COALESCE(l.name, ''), a.note, a.updated_ms "
    "FROM annotations a LEFT JOIN failure_labels l ON l.id = a.label_id";

FailureLabel readLabel(const Statement& row)
{
    return {row.columnInt64(0), row.columnText(1), row.columnText(2),
            row.columnText(3),  row.columnInt(4),  row.columnInt64(5)};
}

Annotation readAnnotation(const Statement& row)
{
    return {row.columnText(0), row.columnText(1), row.column<std::optional<std::int64_t>>(2),
            row.columnText(3), row.columnText(4), row.columnInt64(5)};
}

std::optional<FailureLabel> selectLabel(Database& db, std::int64_t id)
{
    Statement select = db.prepare("SELECT " + std::string(kLabelColumns) + " FROM failure_labels WHERE id = ?");
    if (select.bindAll(id).step())
        return readLabel(select);
    return std::nullopt;
}

void requireLabel(Database& db, std::int64_t id)
{
    if (!selectLabel(db, id))
        throw InvalidArgument(db.path().string() + " has no failure label " + std::to_string(id));
}

std::vector<Annotation> selectAnnotations(Database& db, const std::string& where, std::string_view itemKey = {},
                                          std::string_view annotator = {})
{
    Statement select = db.prepare(std::string(kAnnotationSelect) + where);
    if (!itemKey.empty())
        select.bind(1, itemKey);
    if (!annotator.empty())
        select.bind(2, annotator);
    std::vector<Annotation> rows;
    while (select.step())
        rows.push_back(readAnnotation(select));
    return rows;
}

// Names are compared as the column does (ignoring ASCII case), without the
// spaces a text field leaves around them.
std::string checkedName(Database& db, std::string_view name, std::int64_t selfId)
{
    const auto first = name.find_first_not_of(" \t\r\n");
    const auto last = name.find_last_not_of(" \t\r\n");
    const std::string trimmed =
        first == std::string_view::npos ? std::string() : std::string(name.substr(first, last - first + 1));
    if (trimmed.empty())
        throw InvalidArgument("a failure label needs a name");
    Statement taken = db.prepare("SELECT 1 FROM failure_labels WHERE name = ? AND id <> ?");
    if (taken.bindAll(trimmed, selfId).step())
        throw InvalidArgument("there is already a failure label named \"" + trimmed + "\"");
    return trimmed;
}

// One UTF-8 encoded character that a key press can produce (no control or space).
bool isOneCharacter(std::string_view text)
{
    if (text.empty())
        return false;
    const auto lead = static_cast<unsigned char>(text[0]);
    const std::size_t length = lead < 0x80          ? 1
                               : (lead >> 5) == 0x06 ? 2
                               : (lead >> 4) == 0x0e ? 3
                               : (lead >> 3) == 0x1e ? 4
                                                     : 0;
    if (length == 0 || text.size() != length)
        return false;
    for (std::size_t i = 1; i < length; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80)
            return false;
    return length > 1 || (lead > 0x20 && lead != 0x7f);
}

void checkShortcut(Database& db, std::string_view shortcut, std::int64_t selfId)
{
    if (shortcut.empty())
        return;
    if (!isOneCharacter(shortcut))
        throw InvalidArgument("a failure label's shortcut must be one printable character, got \"" +
                              std::string(shortcut) + "\"");
    Statement taken = db.prepare("SELECT name FROM failure_labels WHERE shortcut = ? AND id <> ?");
    if (taken.bindAll(shortcut, selfId).step())
        throw InvalidArgument("shortcut \"" + std::string(shortcut) + "\" already selects the failure label \"" +
                              taken.columnText(0) + "\"");
}

void checkItem(std::string_view itemKey, std::string_view annotator)
{
    if (itemKey.empty())
        throw InvalidArgument("an annotation needs an item key (the answer it is about)");
    if (annotator.empty())
        throw InvalidArgument("the annotation of " + std::string(itemKey) + " needs an annotator");
}

// Sets one column of an annotation, creating the row if needed.
template <typename Value>
void upsertColumn(Database& db, const std::string& column, std::string_view itemKey, std::string_view annotator,
                  const Value& value)
{
    db.prepare("INSERT INTO annotations (item_key, annotator, " + column +
               ", updated_ms) VALUES (?, ?, ?, ?) ON CONFLICT (item_key, annotator) DO UPDATE SET " + column +
               " = excluded." + column + ", updated_ms = excluded.updated_ms")
        .bindAll(itemKey, annotator, value, unixTimeMs())
        .run();
}

// An annotation with neither label nor note says nothing: exports and kappa would
// count it as an unlabelled item, so it goes.
void dropEmptyAnnotations(Database& db)
{
    db.exec("DELETE FROM annotations WHERE label_id IS NULL AND note = ''", "removing empty annotations");
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

}  // namespace

// ---- the failure taxonomy ----

std::vector<FailureLabel> Annotations::labels()
{
    std::lock_guard lock(workspace.mutex);
    try {
        std::vector<FailureLabel> result;
        Statement select = workspace.db.prepare("SELECT " + std::string(kLabelColumns) +
                                                " FROM failure_labels ORDER BY position, id");
        while (select.step())
            result.push_back(readLabel(select));
        return result;
    } catch (const DatabaseError& error) {
        workspace.rethrow(error, "cannot list the failure labels");
    }
}

std::optional<FailureLabel> Annotations::label(std::int64_t id)
{
    std::lock_guard lock(workspace.mutex);
    try {
        return selectLabel(workspace.db, id);
    } catch (const DatabaseError& error) {
        workspace.rethrow(error, "cannot read failure label " + std::to_string(id));
    }
}

FailureLabel Annotations::addLabel(std::string_view name, std::string_view description, std::string_view shortcut)
{
    std::lock_guard lock(workspace.mutex);
    Database& db = workspace.db;
    try {
        Transaction transaction(db);
        const std::string cleanName = checkedName(db, name, 0);
        checkShortcut(db, shortcut, 0);
        db.prepare("INSERT INTO failure_labels (name, description, shortcut, position, created_ms) "
                   "SELECT ?, ?, ?, COALESCE(MAX(position) + 1, 0), ? FROM failure_labels")
            .bindAll(cleanName, description, shortcut, unixTimeMs())
            .run();
        FailureLabel added = *selectLabel(db, db.lastInsertRowId());
        transaction.commit();
        return added;
    } catch (const DatabaseError& error) {
        workspace.rethrow(error, "cannot add the failure label \"" + std::string(name) + "\"");
    }
}

void Annotations::renameLabel(std::int64_t id, std::string_view name)
{
    std::lock_guard lock(workspace.mutex);
    Database& db = workspace.db;
    try {
        Transaction transaction(db);
        requireLabel(db, id);
        db.prepare("UPDATE failure_labels SET name = ? WHERE id = ?").bindAll(checkedName(db, name, id), id).run();
        transaction.commit();
    } catch (const DatabaseError& error) {
        workspace.rethrow(error, "cannot rename failure label " + std::to_string(id));
    }
}

void Annotations::describeLabel(std::int64_t id, std::string_view description, std::string_view shortcut)
{
    std::lock_guard lock(workspace.mutex);
    Database& db = workspace.db;
    try {
        Transaction transaction(db);
        requireLabel(db, id);
        checkShortcut(db, shortcut, id);
        db.prepare("UPDATE failure_labels SET description = ?, shortcut = ? WHERE id = ?")
            .bindAll(description, shortcut, id)
            .run();
        transaction.commit();
    } catch (const DatabaseError& error) {
        workspace.rethrow(error, "cannot change failure label " + std::to_string(id));
    }
}

void Annotations::reorderLabels(std::span<const std::int64_t> ids)
{
    std::lock_guard lock(workspace.mutex);
    Database& db = workspace.db;
    try {
        Transaction transaction(db);
        std::vector<std::int64_t> existing;
        Statement select = db.prepare("SELECT id FROM failure_labels ORDER BY id");
        while (select.step())
            existing.push_back(select.columnInt64(0));
        std::vector<std::int64_t> asked(ids.begin(), ids.end());
        std::sort(asked.begin(), asked.end());
        if (asked != existing)
            throw InvalidArgument("reordering the failure labels needs each of the " +
                                  std::to_string(existing.size()) + " label ids exactly once, got " +
                                  std::to_string(ids.size()) + " ids");
        Statement update = db.prepare("UPDATE failure_labels SET position = ? WHERE id = ?");
        for (std::size_t position = 0; position < ids.size(); ++position) {
            update.reset();
            update.bindAll(static_cast<std::int64_t>(position), ids[position]).run();
        }
        transaction.commit();
    } catch (const DatabaseError& error) {
        workspace.rethrow(error, "cannot reorder the failure labels");
    }
}

void Annotations::deleteLabel(std::int64_t id)
{
    std::lock_guard lock(workspace.mutex);
    Database& db = workspace.db;
    try {
        Transaction transaction(db);
        // ON DELETE SET NULL clears the label of its annotations; their notes stay.
        db.prepare("DELETE FROM failure_labels WHERE id = ?").bindAll(id).run();
        if (db.changes() == 0)
            throw InvalidArgument(db.path().string() + " has no failure label " + std::to_string(id));
        dropEmptyAnnotations(db);
        transaction.commit();
    } catch (const DatabaseError& error) {
        workspace.rethrow(error, "cannot delete failure label " + std::to_string(id));
    }
}

// ---- annotations ----

void Annotations::setLabel(std::string_view itemKey, std::string_view annotator, std::optional<std::int64_t> labelId)
{
    requireWorkerThread("Annotations::setLabel");
    checkItem(itemKey, annotator);
    std::lock_guard lock(workspace.mutex);
    Database& db = workspace.db;
    try {
        Transaction transaction(db);
        if (labelId)
            requireLabel(db, *labelId);
        upsertColumn(db, "label_id", itemKey, annotator, labelId);
        dropEmptyAnnotations(db);
        transaction.commit();
    } catch (const DatabaseError& error) {
        workspace.rethrow(error, "cannot label " + std::string(itemKey) + " for " + std::string(annotator));
    }
}

void Annotations::setNote(std::string_view itemKey, std::string_view annotator, std::string_view note)
{
    requireWorkerThread("Annotations::setNote");
    checkItem(itemKey, annotator);
    std::lock_guard lock(workspace.mutex);
    Database& db = workspace.db;
    try {
        Transaction transaction(db);
        upsertColumn(db, "note", itemKey, annotator, note);
        dropEmptyAnnotations(db);
        transaction.commit();
    } catch (const DatabaseError& error) {
        workspace.rethrow(error, "cannot save the note on " + std::string(itemKey) + " by " + std::string(annotator));
    }
}

std::optional<Annotation> Annotations::annotation(std::string_view itemKey, std::string_view annotator)
{
    checkItem(itemKey, annotator);
    std::lock_guard lock(workspace.mutex);
    try {
        auto rows = selectAnnotations(workspace.db, " WHERE a.item_key = ? AND a.annotator = ?", itemKey, annotator);
        return rows.empty() ? std::nullopt : std::optional(std::move(rows.front()));
    } catch (const DatabaseError& error) {
        workspace.rethrow(error, "cannot read the annotation of " + std::string(itemKey));
    }
}

std::vector<Annotation> Annotations::annotationsFor(std::string_view itemKey)
{
    if (itemKey.empty())
        throw InvalidArgument("annotations are looked up by a non-empty item key");
    std::lock_guard lock(workspace.mutex);
    try {
        return selectAnnotations(workspace.db, " WHERE a.item_key = ? ORDER BY a.annotator", itemKey);
    } catch (const DatabaseError& error) {
        workspace.rethrow(error, "cannot read the annotations of " + std::string(itemKey));
    }
}

std::vector<Annotation> Annotations::all()
{
    std::lock_guard lock(workspace.mutex);
    try {
        return selectAnnotations(workspace.db, " ORDER BY a.item_key, a.annotator");
    } catch (const DatabaseError& error) {
        workspace.rethrow(error, "cannot read the annotations");
    }
}

std::vector<std::string> Annotations::annotators()
{
    std::lock_guard lock(workspace.mutex);
    try {
        std::vector<std::string> names;
        Statement select = workspace.db.prepare("SELECT DISTINCT annotator FROM annotations ORDER BY annotator");
        while (select.step())
            names.push_back(select.columnText(0));
        return names;
    } catch (const DatabaseError& error) {
        workspace.rethrow(error, "cannot list the annotators");
    }
}

// ---- exports ----

void Annotations::exportCsv(std::ostream& out)
{
    out << "item_key,annotator,label,note,updated_ms\r\n";
    for (const Annotation& row : all())
        out << csvField(row.itemKey) << ',' << csvField(row.annotator) << ',' << csvField(row.label) << ','
            << csvField(row.note) << ',' << row.updatedMs << "\r\n";
    if (!out)
        throw Error("cannot write the annotations as CSV: the output stream failed");
}

void Annotations::exportJsonl(std::ostream& out)
{
    for (const Annotation& row : all()) {
        // ordered_json keeps the documented key order; invalid UTF-8 in a note is
        // replaced (U+FFFD) rather than failing the whole export.
        nlohmann::ordered_json line = nlohmann::ordered_json::object();
        line["item_key"] = row.itemKey;
        line["annotator"] = row.annotator;
        line["label"] = row.labelId ? nlohmann::ordered_json(row.label) : nlohmann::ordered_json();  // null
        line["note"] = row.note;
        line["updated_ms"] = row.updatedMs;
        out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    if (!out)
        throw Error("cannot write the annotations as JSONL: the output stream failed");
}

}  // namespace rrtf
