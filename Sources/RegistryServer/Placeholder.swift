// RegistryServer
