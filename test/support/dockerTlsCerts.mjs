// Certificates for a Docker engine that listens on tcp://127.0.0.1 with --tlsverify, made for one
// test run with the `openssl` CLI (EC P-256 keys, valid for 2 days): a CA, a server certificate
// for IP 127.0.0.1 signed by it, a client certificate signed by it, and a second, unrelated CA
// (the "wrong CA" a person might point openpypi.docker.tlsCaFile at). See test/support/README.md.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {object} DockerTlsCerts
 * @property {string} dir
 * @property {string} ca the CA that signed the server and client certificates (ca.pem)
 * @property {string} serverCert @property {string} serverKey
 * @property {string} clientCert client certificate (cert.pem) @property {string} clientKey (key.pem)
 * @property {string} wrongCa a CA that signed neither (other-ca/ca.pem)
 */

/**
 * Writes the certificates into `dir` (created if needed). The client files are named as the
 * docker CLI expects them in DOCKER_CERT_PATH: ca.pem, cert.pem, key.pem.
 * @param {string} dir
 * @returns {Promise<DockerTlsCerts>}
 */
export async function makeDockerTlsCerts(dir) {
  mkdirSync(path.join(dir, 'other-ca'), { recursive: true });
  const at = (name) => path.join(dir, name);
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const ca = async (keyFile, certFile, name) =>
    openssl([
      'req',
      '-x509',
      ...key,
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
  const signed = async (name, subject, extensions) => {
    writeFileSync(at(`${name}.ext`), `${extensions.join('\n')}\n`);
    await openssl([
      'req',
      ...key,
      '-keyout',
      at(`${name}-key.pem`),
      '-out',
      at(`${name}.csr`),
      '-subj',
      `/CN=${subject}`,
    ]);
    await openssl([
      'x509',
      '-req',
      '-in',
      at(`${name}.csr`),
      '-CA',
      at('ca.pem'),
      '-CAkey',
      at('ca-key.pem'),
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      at(`${name}.ext`),
      '-out',
      at(`${name}-cert.pem`),
    ]);
  };
  await ca(at('ca-key.pem'), at('ca.pem'), 'OpenPypi test Docker CA');
  await ca(at('other-ca/ca-key.pem'), at('other-ca/ca.pem'), 'Some other CA');
  await signed('server', '127.0.0.1', [
    'subjectAltName=IP:127.0.0.1',
    'extendedKeyUsage=serverAuth',
    'keyUsage=critical,digitalSignature,keyAgreement',
  ]);
  await signed('client', 'openpypi-test-client', [
    'extendedKeyUsage=clientAuth',
    'keyUsage=critical,digitalSignature,keyAgreement',
  ]);
  // The docker CLI's DOCKER_CERT_PATH names for the client side.
  copyFileSync(at('client-cert.pem'), at('cert.pem'));
  copyFileSync(at('client-key.pem'), at('key.pem'));
  return {
    dir,
    ca: at('ca.pem'),
    serverCert: at('server-cert.pem'),
    serverKey: at('server-key.pem'),
    clientCert: at('cert.pem'),
    clientKey: at('key.pem'),
    wrongCa: at('other-ca/ca.pem'),
  };
}

function openssl(args) {
  return new Promise((resolve, reject) => {
    execFile('openssl', args, (error, stdout, stderr) => {
      if (error) reject(new Error(`openssl ${args[0]} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}
