import ArgumentParser

/// `fagu-hub config`: the hub's configuration file.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "The hub's configuration file (配置文件).",
        discussion: """
            One JSON file holds what `serve`, `merge` and `report evaluation` would otherwise take \
            as flags: serve.host, serve.port, serve.tls_cert, serve.tls_key, serve.page_limit, \
            serve.max_upload_bytes, serve.metrics_port, serve.shutdown_grace_seconds, \
            serve.log_format, serve.log_level, retention.refused_sync_days, merge.inbox, \
            merge.outbox, reports.weights. It is --config FILE, else $FAGU_HUB_CONFIG, else \
            hub.json in the hub's home. A flag given to a command wins over the file.
            """,
        subcommands: [ConfigCheckCommand.self])
}
