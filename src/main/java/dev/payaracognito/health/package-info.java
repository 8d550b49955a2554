/**
 * MicroProfile Health for orchestrators (Payara serves {@code /health/ready} and {@code /health/live}): whether
 * this node can take sign-ins and API calls, and whether it is alive. It may use {@code cognito} and
 * {@code security}; nothing secret goes into a check's data.
 */
package dev.payaracognito.health;
