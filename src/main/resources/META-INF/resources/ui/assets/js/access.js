// Who may call an API's routes, in words: its authorization, resource policy and overrides.
const WORDS = {
  NONE: 'anyone who reaches it',
  API_KEY: 'callers with a consumer API key (x-api-key)',
  AWS_IAM: 'IAM callers signing with SigV4, allowed execute-api:Invoke',
};

/** One line for the API page; a public API says so plainly. */
export function accessSummary(spec) {
  const access = spec?.access || {};
  const authorization = access.authorization || 'NONE';
  const policy = access.resourcePolicy;
  const parts = [];
  if (authorization === 'NONE' && !policy) {
    parts.push('PUBLIC: open to anyone who reaches the invoke URL');
  } else {
    parts.push(`Routes require ${WORDS[authorization] || authorization}`);
  }
  if (policy) {
    const named = [
      ...(policy.principals || []),
      ...(policy.sourceIps || []).map((ip) => `from ${ip}`),
      ...(policy.sourceVpcEndpoints || []).map((vpce) => `via ${vpce}`),
    ];
    parts.push(`resource policy: ${named.join(', ')}`);
  }
  const overrides = Object.entries(access.routes || {})
    .filter(([, route]) => route?.authorization)
    .map(([name, route]) => `${name}: ${route.authorization}${route.authorization === 'NONE' && !policy ? ' (PUBLIC)' : ''}`);
  if (overrides.length) {
    parts.push(`overrides: ${overrides.join(', ')}`);
  }
  if (spec?.endpointType === 'PRIVATE') {
    parts.push(`private, through ${(spec.vpcEndpointIds || []).join(', ')}`);
  }
  return parts.join('; ');
}
