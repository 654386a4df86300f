import { randomBytes } from 'node:crypto';

/**
 * Every credential the sweep configures, fresh per run: random parts behind each provider's real
 * prefix, so a leak looks like the real thing and no real value ever exists in the repository.
 */
export interface Credentials {
  stripeKey: string;
  stripeRotatedKey: string;
  stripeRestrictedKey: string;
  stripeWebhookSecret: string;
  razorpayKeyId: string;
  razorpayKeySecret: string;
  razorpayWebhookSecret: string;
  upsClientId: string;
  upsClientSecret: string;
  upsAccessToken: string;
  upsRefreshToken: string;
  upsWebhookSecret: string;
  dhlApiKey: string;
  dhlWebhookToken: string;
  sendcloudPublicKey: string;
  sendcloudSecretKey: string;
  sendcloudWebhookSecret: string;
  consoleToken: string;
  alertWebhookSecret: string;
  smtpPassword: string;
  databasePassword: string;
}

const random = (length: number): string => randomBytes(length).toString('base64url').replace(/[-_]/g, 'x').slice(0, length);

export function generateCredentials(): Credentials {
  return {
    stripeKey: `sk_test_${random(32)}`,
    stripeRotatedKey: `sk_test_${random(32)}`,
    stripeRestrictedKey: `rk_test_${random(32)}`,
    stripeWebhookSecret: `whsec_${random(32)}`,
    razorpayKeyId: `rzp_test_${random(14)}`,
    razorpayKeySecret: random(24),
    razorpayWebhookSecret: `rzpwh_${random(24)}`,
    upsClientId: `upsid${random(28)}`,
    upsClientSecret: `upssecret${random(40)}`,
    upsAccessToken: `eyJ${random(60)}`,
    upsRefreshToken: `upsrefresh${random(40)}`,
    upsWebhookSecret: `upsalert${random(24)}`,
    dhlApiKey: `dhlkey${random(26)}`,
    dhlWebhookToken: `dhlpush${random(26)}`,
    sendcloudPublicKey: `scpub${random(27)}`,
    sendcloudSecretKey: `scsec${random(27)}`,
    sendcloudWebhookSecret: `scwh${random(28)}`,
    consoleToken: `console_${random(32)}`,
    // Standard Webhooks secrets are base64 after the prefix.
    alertWebhookSecret: `whsec_${randomBytes(24).toString('base64')}`,
    smtpPassword: `smtppw${random(20)}`,
    databasePassword: `dbpw${random(20)}`,
  };
}

export const basic = (user: string, password: string): string => Buffer.from(`${user}:${password}`).toString('base64');
