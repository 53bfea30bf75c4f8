import Foundation

/// Programs some tests drive — headless Chromium (Debian's `chromium`) and Python's networkx —
/// found on the machine or installed once, as `.ci/run` installs them. Each is nil, with the
/// reason, only when it truly cannot be had here.
enum ExternalTools {
    struct Found: Sendable { var path: String?; var reason: String }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func sh(_ command: String) -> Support.RunResult? {
        try? Support.run(["-c", command], executable: "/bin/sh")
    }

    /// Debian's chromium, installed with apt-get when it is missing.
    static let chromium: Found = {
        if let path = which("chromium") { return Found(path: path, reason: "") }
        guard which("apt-get") != nil else { return Found(path: nil, reason: "chromium is not installed and there is no apt-get to install it") }
        let r = sh("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core")
        if let path = which("chromium") { return Found(path: path, reason: "") }
        return Found(path: nil, reason: "chromium could not be installed (apt-get install chromium: \(r?.stderr.suffix(300) ?? "did not run"))")
    }()

    /// python3 with networkx, installed with pip when it is missing.
    static let networkx: Found = {
        guard let python = which("python3") else { return Found(path: nil, reason: "no python3 on this machine") }
        if sh("python3 -c 'import networkx'")?.status == 0 { return Found(path: python, reason: "") }
        let r = sh("python3 -m pip install -q networkx")
        if sh("python3 -c 'import networkx'")?.status == 0 { return Found(path: python, reason: "") }
        return Found(path: nil, reason: "networkx could not be installed (pip install networkx: \(r?.stderr.suffix(300) ?? "did not run"))")
    }()

    /// Rscript with R's igraph (Debian's r-cran-igraph), installed with apt-get when it is missing.
    static let igraph: Found = {
        let check = "Rscript -e 'library(igraph)' >/dev/null 2>&1"
        if sh(check)?.status == 0, let path = which("Rscript") { return Found(path: path, reason: "") }
        guard which("apt-get") != nil else { return Found(path: nil, reason: "R's igraph is not installed and there is no apt-get to install it") }
        let r = sh("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends r-base-core r-cran-igraph")
        if sh(check)?.status == 0, let path = which("Rscript") { return Found(path: path, reason: "") }
        return Found(path: nil, reason: "R's igraph could not be installed (apt-get install r-cran-igraph: \(r?.stderr.suffix(300) ?? "did not run"))")
    }()

    /// Runs a Python program given as text, with arguments; its standard output is the result.
    static func python(_ program: String, _ arguments: [String]) throws -> Support.RunResult {
        let dir = Support.tempDir()
        let script = Support.write(program, to: dir, "script.py")
        return try Support.run([script] + arguments, executable: networkx.path ?? which("python3") ?? "/usr/bin/python3")
    }

    /// Headless Chromium opens `url` at `width` × `height` and saves a screenshot; returns the
    /// lines it logged from the page's console (every console message and CSP violation).
    static func screenshot(_ url: String, to png: String, width: Int = 1000, height: Int = 1400) throws -> (status: Int32, console: [String]) {
        let r = try Support.run(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                                 "--window-size=\(width),\(height)", "--screenshot=\(png)", url], executable: chromium.path!)
        return (r.status, r.stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") })
    }

    /// A PNG's pixels summed up by Python's standard library alone: how many pixels are not
    /// white, and how many are each of the given colours (exactly, "#RRGGBB").
    static let pngStats = """
        import json, struct, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'not a PNG'
        pos, idat = 8, b''
        while pos < len(data):
            n, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
            if kind == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
            elif kind == b'IDAT': idat += body
        assert depth == 8 and ctype in (2, 6), 'unexpected PNG type %d/%d' % (depth, ctype)
        bpp = 3 if ctype == 2 else 4
        raw, stride, prev, rows, i = zlib.decompress(idat), w * bpp, bytearray(w * bpp), [], 0
        for y in range(h):
            f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
                if f == 1: line[x] = (line[x] + a) & 255
                elif f == 2: line[x] = (line[x] + b) & 255
                elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            rows.append(bytes(line)); prev = line
        wanted = {c.lower(): 0 for c in sys.argv[2:]}
        nonwhite = 0
        for line in rows:
            for x in range(0, stride, bpp):
                r, g, b = line[x], line[x + 1], line[x + 2]
                if (r, g, b) != (255, 255, 255): nonwhite += 1
                key = '#%02x%02x%02x' % (r, g, b)
                if key in wanted: wanted[key] += 1
        print(json.dumps({'width': w, 'height': h, 'nonwhite': nonwhite, 'colors': wanted}))
        """
}
