package org.sesreturns.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param initialPassword given to users created at start-up; users that exist keep theirs. Unset,
 *     new users have no password and cannot log in until an administrator sets one in Admin.
 */
@ConfigurationProperties("ses.identity")
record IdentityProperties(String initialPassword) {}
