import ArgumentParser
import FaguCLI

/// `fagu-hub config check`: every problem in the configuration file, and what each setting will be.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the configuration file and show each setting (检查配置).",
        discussion: """
            Lists every setting with its value and where it comes from (the file or the default), \
            then every problem: unknown keys, wrong types, numbers out of range, files and \
            folders that do not exist. Exits 1 when there is any problem, 0 otherwise.
            """)

    @OptionGroup var options: HubOptions

    /// What `--json` prints.
    struct Output: Encodable {
        var file: String?
        var valid: Bool
        var problems: [String]
        var settings: [Setting]
    }

    /// One setting and where its value comes from.
    struct Setting: Encodable {
        var name: String
        var value: String?
        var source: String
    }

    func run() throws {
        let language = options.language, text = Catalogue.Config.self
        guard let path = options.configPath else {
            let homeFile = options.homePath + "/" + HubSettings.homeFileName
            if options.output.json {
                try JSONOutput.print(Output(file: nil, valid: true, problems: [], settings: Self.settings(HubSettings())))
            } else {
                print(language.text(text.nothingToCheck(homeFile)))
            }
            return
        }
        let (settings, problems) = HubSettings.check(path)
        let listed = Self.settings(settings)
        if options.output.json {
            try JSONOutput.print(Output(file: path, valid: problems.isEmpty, problems: problems.map(language.text), settings: listed))
        } else {
            var table = TextTable(headers: [text.setting, text.value, text.source].map(language.text))
            for setting in listed {
                table.append([setting.name, setting.value ?? "—",
                              setting.source == "file" ? language.text(text.fromFile) : setting.source == "default" ? language.text(text.fromDefault) : "—"])
            }
            print(table.render())
            for problem in problems { print(language.text(problem)) }
            print(language.text(problems.isEmpty ? text.valid(path, settings: settings.values.count)
                                                 : text.problemsFound(path, problems.count)))
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }

    /// Every setting: its value from the file, else its default, else none.
    static func settings(_ settings: HubSettings) -> [Setting] {
        let values = settings.values, standard = HubSettings.standard.values
        return HubSettings.names.map { name in
            if let value = values[name] { return Setting(name: name, value: value, source: "file") }
            if let value = standard[name] { return Setting(name: name, value: value, source: "default") }
            return Setting(name: name, value: nil, source: "none")
        }
    }
}
