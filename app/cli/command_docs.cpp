// rrtf man and rrtf completion: the manual page and the bash completion, both
// written from the same CLI11 definitions that --help prints, so that neither
// can drift from the program. The build writes them (share/man/man1/rrtf.1,
// share/bash-completion/completions/rrtf) and installs them.
#include "cli_support.h"

#include "runtime/error.h"
#include "runtime/version.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace rrtf::cli {
namespace {

// What --help shows: options and commands in a group (an empty group hides one).
std::vector<const CLI::App*> shownCommands(const CLI::App& app)
{
    return app.get_subcommands([](const CLI::App* command) { return !command->get_group().empty(); });
}

std::vector<const CLI::Option*> shownOptions(const CLI::App& app)
{
    return app.get_options([](const CLI::Option* option) { return !option->get_group().empty(); });
}

bool takesValue(const CLI::Option& option) { return option.get_items_expected_max() != 0; }

// Text as roff reads it: backslashes escaped, no line taken for a request.
std::string roffText(const std::string& text)
{
    std::string out;
    bool lineStart = true;
    for (char c : text) {
        if (lineStart && (c == '.' || c == '\''))
            out += "\\&";
        out += c == '\\' ? std::string("\\e") : std::string(1, c);
        lineStart = c == '\n';
    }
    return out;
}

// An option's names in bold with dashes as roff's minus, then its value's type.
std::string roffOptionHead(const CLI::Option& option)
{
    std::string names;
    const auto add = [&](const std::string& name) {
        std::string escaped;
        for (char c : name)
            escaped += c == '-' ? std::string("\\-") : std::string(1, c);
        names += (names.empty() ? "" : ", ") + std::string("\\fB") + escaped + "\\fR";
    };
    if (option.get_positional()) {
        names = "\\fI" + roffText(option.get_name(true)) + "\\fR";
    } else {
        for (const auto& name : option.get_snames())
            add("-" + name);
        for (const auto& name : option.get_lnames())
            add("--" + name);
        if (takesValue(option))
            names += " \\fI" + roffText(option.get_type_name()) + "\\fR";
    }
    return names;
}

std::string roffOptionBody(const CLI::Option& option)
{
    std::string body = roffText(option.get_description());
    if (option.get_required())
        body += " (required)";
    if (!option.get_default_str().empty())
        body += " (default: " + roffText(option.get_default_str()) + ")";
    return body;
}

void writeOptions(std::ostream& out, const CLI::App& command)
{
    for (const CLI::Option* option : shownOptions(command))
        out << ".TP\n" << roffOptionHead(*option) << '\n' << roffOptionBody(*option) << '\n';
}

// Commands and their own commands (rrtf job status ...), depth first.
void writeCommands(std::ostream& out, const CLI::App& parent, const std::string& prefix)
{
    for (const CLI::App* command : shownCommands(parent)) {
        const std::string name = prefix + " " + command->get_name();
        out << ".SS \"" << roffText(name) << "\"\n" << roffText(command->get_description()) << '\n';
        writeOptions(out, *command);
        if (!command->get_footer().empty())
            out << ".PP\n" << roffText(command->get_footer()) << '\n';
        writeCommands(out, *command, name);
    }
}

std::string manPage(const CLI::App& root)
{
    std::ostringstream out;
    const std::string version(projectVersion());
    std::string summary = root.get_description();
    if (summary.rfind("rrtf: ", 0) == 0)
        summary = summary.substr(6);
    out << ".\\\" Written by `rrtf man` from the definitions --help prints; do not edit.\n"
        << ".TH RRTF 1 \"\" \"rrtf " << version << "\" \"RRTF Workbench\"\n"
        << ".SH NAME\nrrtf \\- " << roffText(summary) << '\n'
        << ".SH SYNOPSIS\n.B rrtf\n.I command\n.RI [ options ]\n.br\n.B rrtf \\-\\-version\n"
        << ".SH DESCRIPTION\nThe command line of RRTF Workbench: tokenize, generate and score with "
           "StarCoder-family models, judge answers in the sandbox, and run the RRTF pipeline "
           "(sample, rank, train). Each command prints what this page says with \\fB\\-\\-help\\fR.\n"
           "Results that other tools read are one JSON object on standard output; progress and "
           "errors go to standard error.\n"
        << ".SH OPTIONS\n";
    writeOptions(out, root);
    out << ".SH COMMANDS\n";
    writeCommands(out, root, "rrtf");
    out << ".SH EXIT STATUS\n"
           ".TP\n.B 0\nThe command did what was asked.\n"
           ".TP\n.B 1\nAn error, printed as one line \\(lqrrtf: error: ...\\(rq naming the file or value at fault.\n"
           ".TP\n.B 130\nCancelled (Ctrl-C); what was finished is kept.\n"
           ".PP\nA mistake in the command line itself exits with CLI11's code for it (non-zero) "
           "after printing what was wrong.\n"
        << ".SH ENVIRONMENT\n"
           ".TP\n.B RRTF_WORKSPACE\nThe workspace database (default "
           "\\fI$XDG_DATA_HOME/rrtf\\-workbench/workspace.sqlite\\fR, where XDG_DATA_HOME is "
           "\\fI~/.local/share\\fR unless set).\n"
           ".TP\n.B RRTF_PREFIX\nThe install prefix to find the files below in (default: the folder above "
           "the one rrtf is in).\n"
           ".TP\n.B RRTF_SANDBOX\nThe sandbox helper program to start instead of the installed one.\n"
           ".TP\n.B RRTF_SENTENCEPIECE_MODULE\nThe SentencePiece module to load instead of the installed one.\n"
           ".TP\n.B RRTF_DEMO_DIR\nThe demo pack \\fBrrtf demo\\fR opens instead of the installed one.\n"
        << ".SH FILES\n"
           ".TP\n.I PREFIX/libexec/rrtf/rrtf\\-sandbox\nThe sandbox helper that runs judged programs.\n"
           ".TP\n.I PREFIX/lib/rrtf/modules/librrtf_sentencepiece.so\nReads SentencePiece tokenizers.\n"
           ".TP\n.I PREFIX/share/rrtf/demo\nThe demo pack: three small trained models and their problems.\n"
           ".TP\n.I PREFIX/share/rrtf/tokenizers\nStarCoder's tokenizer, for \\fBrrtf make\\-demo\\-model\\fR.\n"
        << ".SH SEE ALSO\n.BR rrtf\\-workbench (1)\n";
    return out.str();
}

// The words of each command, for the completion's case arms.
std::string joined(const std::vector<std::string>& words)
{
    std::string text;
    for (const auto& word : words)
        text += (text.empty() ? "" : " ") + word;
    return text;
}

void optionWords(const CLI::App& command, std::vector<std::string>& all, std::vector<std::string>& valued)
{
    for (const CLI::Option* option : shownOptions(command)) {
        if (option->get_positional())
            continue;
        for (const auto& name : option->get_lnames()) {
            all.push_back("--" + name);
            if (takesValue(*option))
                valued.push_back("--" + name);
        }
        for (const auto& name : option->get_snames()) {
            all.push_back("-" + name);
            if (takesValue(*option))
                valued.push_back("-" + name);
        }
    }
}

std::string bashCompletion(const CLI::App& root)
{
    std::ostringstream out;
    std::vector<std::string> rootWords, rootValued;
    for (const CLI::App* command : shownCommands(root))
        rootWords.push_back(command->get_name());
    optionWords(root, rootWords, rootValued);
    out << "# bash completion for rrtf, written by `rrtf completion bash` from the definitions\n"
           "# --help prints; do not edit.\n"
           "_rrtf()\n{\n"
           "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} path=\"\" i\n"
           "    # The command so far: the words before the cursor that are not options or their values.\n"
           "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
           "        case ${COMP_WORDS[i]} in\n"
           "            -*) ;;\n"
           "            *) case \" $(_rrtf_commands \"$path\") \" in\n"
           "                   *\" ${COMP_WORDS[i]} \"*) path=\"$path ${COMP_WORDS[i]}\" ;;\n"
           "               esac ;;\n"
           "        esac\n"
           "    done\n"
           "    local words valued\n"
           "    case $path in\n"
           "        \"\") words=\"" << joined(rootWords) << "\"; valued=\"" << joined(rootValued) << "\" ;;\n";
    // Every command at every depth, by its path of names.
    std::vector<std::pair<std::string, const CLI::App*>> pending;
    for (const CLI::App* command : shownCommands(root))
        pending.emplace_back(" " + command->get_name(), command);
    std::ostringstream commandsOf;
    commandsOf << "_rrtf_commands()\n{\n    case $1 in\n        \"\") echo \"" << joined([&] {
        std::vector<std::string> names;
        for (const CLI::App* command : shownCommands(root))
            names.push_back(command->get_name());
        return names;
    }()) << "\" ;;\n";
    while (!pending.empty()) {
        const auto [path, command] = pending.front();
        pending.erase(pending.begin());
        std::vector<std::string> words, valued, names;
        for (const CLI::App* sub : shownCommands(*command)) {
            names.push_back(sub->get_name());
            words.push_back(sub->get_name());
            pending.emplace_back(path + " " + sub->get_name(), sub);
        }
        optionWords(*command, words, valued);
        out << "        \"" << path << "\") words=\"" << joined(words) << "\"; valued=\"" << joined(valued)
            << "\" ;;\n";
        if (!names.empty())
            commandsOf << "        \"" << path << "\") echo \"" << joined(names) << "\" ;;\n";
    }
    commandsOf << "    esac\n}\n";
    out << "    esac\n"
           "    # After an option that takes a value: a path (most do), else nothing to suggest.\n"
           "    case \" $valued \" in\n"
           "        *\" $prev \"*) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
           "    esac\n"
           "    if [[ $cur == -* || -z $path ]]; then\n"
           "        COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
           "    else\n"
           "        compopt -o filenames 2>/dev/null\n"
           "        COMPREPLY=($(compgen -W \"$words\" -- \"$cur\") $(compgen -f -- \"$cur\"))\n"
           "    fi\n"
           "}\n"
        << commandsOf.str() << "complete -F _rrtf rrtf\n";
    return out.str();
}

void emit(const std::string& text, const std::string& output)
{
    if (output.empty()) {
        std::cout << text;
        return;
    }
    std::ofstream file(output, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file)
        throw Error(output + ": cannot be written");
}

}  // namespace

void addDocsCommands(CLI::App& app)
{
    static std::string manOutput;
    CLI::App* man = app.add_subcommand("man", "Print the manual page of rrtf (roff), made from the text --help prints");
    man->add_option("-o,--output", manOutput, "Write it to this file instead of standard output");
    man->callback([&app] { emit(manPage(app), manOutput); });

    static std::string shell = "bash", completionOutput;
    CLI::App* completion =
        app.add_subcommand("completion", "Print the shell completion of rrtf's commands and options (source it in bash)");
    completion->add_option("shell", shell, "The shell")->check(CLI::IsMember({"bash"}))->capture_default_str();
    completion->add_option("-o,--output", completionOutput, "Write it to this file instead of standard output");
    completion->callback([&app] { emit(bashCompletion(app), completionOutput); });
}

}  // namespace rrtf::cli
