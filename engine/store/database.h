// A small RAII layer over the sqlite3 C API: one connection to one database file,
// prepared statements with typed bind/column helpers, transactions that roll back
// unless committed, and schema migrations counted in PRAGMA user_version.
//
// A Database is one SQLite connection: use it from one thread at a time (the
// Workspace above it serialises its callers). Several processes may open the same
// file; WAL mode and the busy timeout let them read while one writes.
#pragma once

#include "runtime/error.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace rrtf {

// SQLite reported a failure (locked, I/O, constraint, ...). The message names the
// database file, what was being done and SQLite's own message; code() is SQLite's
// extended result code. Files that are not databases, or come from a newer program,
// are reported as FormatError instead.
class DatabaseError : public Error {
public:
    DatabaseError(const std::string& message, int code, std::string sqliteMessage)
        : Error(message), resultCode(code), sqliteText(std::move(sqliteMessage))
    {
    }
    int code() const { return resultCode; }
    // SQLite's words alone ("database is locked"), for callers that add their own context.
    const std::string& sqliteMessage() const { return sqliteText; }

private:
    int resultCode;
    std::string sqliteText;
};

// What to do about a fault of the machine rather than of the data, where SQLite's
// words alone do not say it: a write lock another program held past the busy
// timeout, a full disk, a read-only file or folder. Empty for other codes.
std::string databaseFaultHint(int code, int busyTimeoutMs);

// Now, in milliseconds since the Unix epoch: how the workspace stores times.
std::int64_t unixTimeMs();

struct DatabaseOptions {
    // How long a write waits for another connection's write lock before failing
    // with "database is locked". Writes are short, so a few seconds is plenty.
    int busyTimeoutMs = 10000;  // 10 s
    // Create the file when it does not exist.
    bool create = true;
    // PRAGMA synchronous=FULL: a commit is on disk (fsync) when it returns, so not
    // even a power loss undoes it; it costs a sync per commit (about 4 ms on the
    // project's machine). false (NORMAL) still keeps every commit through a crash or
    // kill of the process; only a power loss or OS crash may undo the last few.
    bool fullSync = true;
};

class Database;

// A prepared statement. Parameters are 1-based (SQLite's convention), columns
// 0-based. Text is bound with its length, so bytes (NUL, invalid UTF-8) round-trip.
// A statement must not outlive its Database, nor be used after the Database moved.
class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::nullptr_t);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bind(index, nullptr);
    }
    // Binds every argument in order, starting at parameter 1.
    template <typename... Args>
    Statement& bindAll(const Args&... args)
    {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    // Runs one step: true when a row is ready to read, false when done.
    bool step();
    // Runs a statement that returns no rows (INSERT, UPDATE, ...) to completion.
    void run();
    // Makes the statement runnable again; bindings are kept.
    void reset();

    bool isNull(int column) const;
    std::int64_t columnInt64(int column) const;
    int columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;  // NULL reads as ""
    // Typed access: int, std::int64_t, bool, double, std::string, or std::optional
    // of one of them (NULL reads as std::nullopt).
    template <typename T>
    T column(int index) const
    {
        if constexpr (std::is_same_v<T, std::string>)
            return columnText(index);
        else if constexpr (std::is_same_v<T, double>)
            return columnDouble(index);
        else if constexpr (std::is_same_v<T, bool>)
            return columnInt64(index) != 0;
        else if constexpr (std::is_same_v<T, int>)
            return columnInt(index);
        else if constexpr (std::is_same_v<T, std::int64_t>)
            return columnInt64(index);
        else
            return isNull(index) ? T{} : T{column<typename T::value_type>(index)};
    }

private:
    friend class Database;
    Statement(const Database& database, sqlite3_stmt* statement) : db(&database), stmt(statement) {}

    const Database* db;
    sqlite3_stmt* stmt;
};

// One schema change. Migration i of the list (0-based) takes the schema from
// version i to version i + 1. `sql` runs first, then `apply` when present (for a
// change that needs code, such as rewriting JSON); both run in one transaction.
struct Migration {
    std::string_view description;
    std::string_view sql;
    std::function<void(Database&)> apply = {};
};

class Database {
public:
    // Opens (or creates) the file, turns on WAL, foreign keys and the busy timeout.
    // Throws FormatError when the file is not a SQLite database, DatabaseError when
    // it cannot be opened. The parent folder must exist.
    explicit Database(std::filesystem::path file, const DatabaseOptions& options = {});
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    const std::filesystem::path& path() const { return file; }
    int busyTimeout() const { return busyTimeoutMs; }

    Statement prepare(std::string_view sql);
    // Runs one or more statements that take no parameters and return no rows;
    // `what` describes them in an error (the SQL itself when empty).
    void exec(std::string_view sql, std::string_view what = {});

    std::int64_t lastInsertRowId() const;
    int changes() const;  // rows changed by the last INSERT, UPDATE or DELETE
    bool inTransaction() const;

    int userVersion();
    // Applies the migrations this file lacks, each in its own transaction, and
    // returns the resulting version. Throws FormatError when the file's version is
    // newer than migrations.size() (written by a newer program: never touch it).
    int migrate(const std::vector<Migration>& migrations);

    // Throws DatabaseError "<file>: <what>: <SQLite's message>" for result `code`.
    [[noreturn]] void fail(std::string_view what, int code) const;
    // Throws for `code` when it is neither SQLITE_OK, SQLITE_ROW nor SQLITE_DONE.
    void check(int code, std::string_view what) const;

    sqlite3* handle() const { return db; }

private:
    void close() noexcept;

    std::filesystem::path file;
    sqlite3* db = nullptr;
    int busyTimeoutMs = 0;  // named in a "locked" error's hint
};

// Holds a transaction open: commit() ends it; leaving the scope without commit()
// (an exception, an early return) rolls everything back.
class Transaction {
public:
    // Immediate takes the write lock at once: a transaction that reads then writes
    // cannot then fail with SQLITE_BUSY halfway (the busy timeout applies at BEGIN).
    enum class Mode { Deferred, Immediate };

    explicit Transaction(Database& database, Mode mode = Mode::Immediate);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    void commit();

private:
    Database& db;
    bool open = true;
};

}  // namespace rrtf
