import { SMTPServer } from "smtp-server";

export type CaughtMail = { to: string[]; raw: string };

/** Starts an SMTP server on TEST_SMTP_PORT that keeps every mail it receives in `mails` (recipients, raw text). */
export async function catchMails(mails: CaughtMail[]): Promise<SMTPServer> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, cb) {
      let raw = "";
      stream.on("data", (d: Buffer) => (raw += d.toString()));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(Number(process.env.TEST_SMTP_PORT), "127.0.0.1", r));
  return smtp;
}
