#include "evaluation/sandbox/python_bundle.h"

#include "sandbox_python_modules.h"

namespace rrtf::sandbox {

std::string pythonModuleArchive() {
    std::string archive;
    for (const auto& module : kPythonModules) {
        archive += std::string(module.name) + " " + std::to_string(module.source.size()) + "\n";
        archive += module.source;
    }
    return archive;
}

std::string pythonBootstrap(int fd) {
    // Kept tiny: it only turns the archive into modules. Everything else lives in zygote.py.
    return "import os, sys, types\n"
           "def _load(fd):\n"
           "    chunks = []\n"
           "    while True:\n"
           "        chunk = os.read(fd, 1 << 20)\n"
           "        if not chunk: break\n"
           "        chunks.append(chunk)\n"
           "    os.close(fd)\n"
           "    data, pos = b''.join(chunks), 0\n"
           "    while pos < len(data):\n"
           "        end = data.index(b'\\n', pos)\n"
           "        name, size = data[pos:end].decode().split(' ')\n"
           "        start, pos = end + 1, end + 1 + int(size)\n"
           "        module = types.ModuleType(name)\n"
           "        module.__file__ = '<sandbox>/' + name + '.py'\n"
           "        sys.modules[name] = module\n"
           "        exec(compile(data[start:pos].decode(), module.__file__, 'exec'), module.__dict__)\n"
           "_load(" + std::to_string(fd) + ")\n"
           "import zygote\n"
           "zygote.main(sys.argv[1:])\n";
}

}  // namespace rrtf::sandbox
