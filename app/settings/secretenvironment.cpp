// SecretStore::fromEnvironment on its own: fim-complete reads secrets from the environment only, and
// with this object apart from secretstore.cpp it links (and loads) no keychain library.
#include "settings/secretstore.h"

QString SecretStore::fromEnvironment(const Endpoint &endpoint)
{
    return qEnvironmentVariable(endpoint.secretEnvironmentVariable().toLatin1().constData()).trimmed();
}
