package org.sesreturns.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender of every message
 * @param baseUrl where users reach the application: links in messages start with it
 * @param dropFolder where messages go as {@code .eml} files when no mail server is configured
 *     ({@code spring.mail.host} unset), so a first run on one machine still shows them
 */
@ConfigurationProperties("ses.mail")
record MailProperties(
    @DefaultValue("ses-returns@localhost") String from,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("./data/mail") String dropFolder) {}
