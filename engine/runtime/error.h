// Errors the engine reports to its callers. Every message names the file, field
// or value at fault, so the CLI can print it as one line and the GUI can show it.
#pragma once

#include "runtime/printable.h"

#include <stdexcept>
#include <string>

namespace rrtf {

class Error : public std::runtime_error {
public:
    // A name read from a file may hold a newline or a NUL: the message shows
    // such bytes as \xNN, so it stays one line whatever the file held.
    explicit Error(const std::string& message) : std::runtime_error(printable(message, std::string::npos)) {}
    explicit Error(const char* message) : Error(std::string(message)) {}
};

// A file on disk is missing, unreadable or malformed (checkpoint, config, tokenizer).
class FormatError : public Error {
public:
    using Error::Error;
};

// A request asks for something the model or options cannot do (prompt too long, bad option).
class InvalidArgument : public Error {
public:
    using Error::Error;
};

// Work was stopped by its caller through a CancellationToken.
class Cancelled : public Error {
public:
    Cancelled() : Error("cancelled") {}
};

}  // namespace rrtf
