#include "store/database.h"

#include <sqlite3.h>

#include <chrono>
#include <string>
#include <utility>

namespace rrtf {
namespace {

// Error messages quote the start of a statement, not a page of SQL.
std::string sqlHead(std::string_view sql)
{
    std::string head;
    for (char c : sql.substr(0, 60))
        head += (c == '\n' || c == '\t') ? ' ' : c;
    while (!head.empty() && head.front() == ' ')
        head.erase(head.begin());
    if (sql.size() > 60)
        head += "...";
    return "running \"" + head + "\"";
}

}  // namespace

std::int64_t unixTimeMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string databaseFaultHint(int code, int busyTimeoutMs)
{
    switch (code & 0xff) {
    case SQLITE_BUSY:
        return " (another program held the workspace's write lock for " + std::to_string(busyTimeoutMs / 1000) +
               " s; run again when it is done)";
    case SQLITE_FULL:
        return " (free some space on its disk)";
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
        return " (the file or its folder cannot be written: make it writable or use another workspace)";
    default:
        return {};
    }
}

// ---- Database ----

Database::Database(std::filesystem::path path, const DatabaseOptions& options)
    : file(std::move(path)), busyTimeoutMs(options.busyTimeoutMs)
{
    int flags = SQLITE_OPEN_READWRITE;
    if (options.create)
        flags |= SQLITE_OPEN_CREATE;
    const int opened = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
    if (opened != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(opened);
        close();
        throw DatabaseError(file.string() + ": cannot open the database: " + message +
                                databaseFaultHint(opened, busyTimeoutMs),
                            opened, message);
    }
    try {
        sqlite3_extended_result_codes(db, 1);
        // Set before anything else reads the file: another process may be writing.
        sqlite3_busy_timeout(db, options.busyTimeoutMs);
        // The first statement reads the header, so a file that is not a database is
        // reported here (by fail(), as a FormatError) before anything is written.
        Statement journal = prepare("PRAGMA journal_mode=WAL");
        journal.step();
        // WAL lets readers (the GUI) go on while a writer (an evaluation) commits.
        // Some file systems cannot do WAL; SQLite then keeps its rollback journal,
        // which is slower under contention but just as safe, so that is accepted.
        exec("PRAGMA foreign_keys=ON", "turning on foreign keys");
        exec(options.fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL", "setting synchronous");
    } catch (...) {
        close();
        throw;
    }
}

Database::Database(Database&& other) noexcept
    : file(std::move(other.file)), db(std::exchange(other.db, nullptr)), busyTimeoutMs(other.busyTimeoutMs)
{
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        close();
        file = std::move(other.file);
        db = std::exchange(other.db, nullptr);
        busyTimeoutMs = other.busyTimeoutMs;
    }
    return *this;
}

Database::~Database()
{
    close();
}

void Database::close() noexcept
{
    // sqlite3_close_v2 finishes the close once the last statement is finalized, so
    // a leaked statement cannot keep the handle from closing.
    if (db)
        sqlite3_close_v2(std::exchange(db, nullptr));
}

void Database::fail(std::string_view what, int code) const
{
    const std::string sqliteText = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    const std::string name = file.string();
    switch (code & 0xff) {
    case SQLITE_NOTADB:
        throw FormatError(name + " is not a SQLite database (" + sqliteText + ")");
    case SQLITE_CORRUPT:
        throw FormatError(name + ": the database file is damaged (" + sqliteText + ") while " + std::string(what));
    default:
        throw DatabaseError(name + ": " + std::string(what) + ": " + sqliteText +
                                databaseFaultHint(code, busyTimeoutMs),
                            code, sqliteText);
    }
}

void Database::check(int code, std::string_view what) const
{
    if (code != SQLITE_OK && code != SQLITE_ROW && code != SQLITE_DONE)
        fail(what, code);
}

Statement Database::prepare(std::string_view sql)
{
    sqlite3_stmt* stmt = nullptr;
    const int code = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (code != SQLITE_OK) {
        sqlite3_finalize(stmt);
        fail(sqlHead(sql), code);
    }
    return Statement(*this, stmt);
}

void Database::exec(std::string_view sql, std::string_view what)
{
    const std::string text(sql);  // sqlite3_exec wants a terminated string
    const int code = sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK)
        fail(what.empty() ? sqlHead(sql) : what, code);
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(db);
}

int Database::changes() const
{
    return sqlite3_changes(db);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(db) == 0;
}

int Database::userVersion()
{
    Statement statement = prepare("PRAGMA user_version");
    statement.step();
    return statement.columnInt(0);
}

int Database::migrate(const std::vector<Migration>& migrations)
{
    const int known = static_cast<int>(migrations.size());
    auto refuseNewer = [&](int version) {
        if (version > known)
            throw FormatError(file.string() + ": database schema version " + std::to_string(version) +
                              " is newer than this program knows (version " + std::to_string(known) +
                              "); open it with a newer RRTF Workbench");
    };
    int version = userVersion();
    refuseNewer(version);
    while (version < known) {
        Transaction transaction(*this);
        // Another process may have migrated between our read and our write lock.
        const int current = userVersion();
        refuseNewer(current);
        if (current == version) {
            const Migration& migration = migrations[static_cast<std::size_t>(version)];
            const std::string what = "schema migration to version " + std::to_string(version + 1) + " (" +
                                     std::string(migration.description) + ")";
            if (!migration.sql.empty())
                exec(migration.sql, what);
            if (migration.apply)
                migration.apply(*this);
            // user_version lives in the file header and changes with the transaction.
            exec("PRAGMA user_version = " + std::to_string(version + 1), what);
            transaction.commit();
            ++version;
        } else {
            version = current;  // the transaction rolls back (nothing written)
        }
    }
    return version;
}

// ---- Statement ----

Statement::Statement(Statement&& other) noexcept : db(other.db), stmt(std::exchange(other.stmt, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(stmt);
        db = other.db;
        stmt = std::exchange(other.stmt, nullptr);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(stmt);
}

Statement& Statement::bind(int index, std::nullptr_t)
{
    db->check(sqlite3_bind_null(stmt, index), "binding parameter " + std::to_string(index));
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    db->check(sqlite3_bind_int64(stmt, index, value), "binding parameter " + std::to_string(index));
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    db->check(sqlite3_bind_double(stmt, index, value), "binding parameter " + std::to_string(index));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    // SQLITE_TRANSIENT: SQLite copies the bytes, so the caller's string may go away.
    const int code = sqlite3_bind_text64(stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    db->check(code, "binding parameter " + std::to_string(index));
    return *this;
}

bool Statement::step()
{
    const int code = sqlite3_step(stmt);
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    db->fail(sqlHead(sqlite3_sql(stmt)), code);
}

void Statement::run()
{
    while (step()) {
    }
}

void Statement::reset()
{
    // The result repeats the last step's error, which step() already reported.
    sqlite3_reset(stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt64(int column) const
{
    return sqlite3_column_int64(stmt, column);
}

int Statement::columnInt(int column) const
{
    return sqlite3_column_int(stmt, column);
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(stmt, column);
}

std::string Statement::columnText(int column) const
{
    // Text first, then its length: the order SQLite documents for a stable length.
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
    const int size = sqlite3_column_bytes(stmt, column);
    return text ? std::string(text, static_cast<std::size_t>(size)) : std::string();
}

// ---- Transaction ----

Transaction::Transaction(Database& database, Mode mode) : db(database)
{
    db.exec(mode == Mode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED", "beginning a transaction");
}

Transaction::~Transaction()
{
    // SQLite may already have rolled back by itself (some errors do): only roll
    // back a transaction that is still open. A destructor must not throw.
    if (open && db.inTransaction())
        sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    db.exec("COMMIT", "committing a transaction");
    open = false;
}

}  // namespace rrtf
