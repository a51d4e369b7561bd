// Placeholder until the Electron shell issue: the bridge is added there.
export {}
