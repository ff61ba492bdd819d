"""GraphQL transport: schema composed from the domains, context, access policy, errors."""
