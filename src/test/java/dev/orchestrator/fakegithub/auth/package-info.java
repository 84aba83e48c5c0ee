/**
 * Test credentials: the app's RSA key pair (PKCS#1 and PKCS#8 PEM), app JWT signing and
 * verification, installation and personal tokens.
 */
package dev.orchestrator.fakegithub.auth;
