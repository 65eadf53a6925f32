/// The server did not report a port: it failed to start.
struct HubDidNotStart: Error {}
