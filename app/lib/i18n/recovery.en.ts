import type { viGroups } from "./vi";

/** Account recovery and confirmed phones: forgot password, one-time codes, staff-issued reset codes, the demo message inbox (issue 15). */
export const recoveryEn: Record<keyof typeof viGroups.recovery, string> = {
  "recovery.sms.resetCode":
    "Cung Cau: your password reset code is {code}. It works for 15 minutes. Never give this code to anyone.",
  "recovery.sms.confirmCode":
    "Cung Cau: your phone confirmation code is {code}. It works for 15 minutes.",
  "recovery.sms.staffCodeIssued":
    "Cung Cau: staff member {staff} has just issued a password reset code for your account. If you did not ask for it, tell the Union at once.",
  "recovery.email.subject": "Reset your Cung Cau password",
  "recovery.email.body":
    "You (or someone) asked to reset your password. Open this link within 15 minutes to choose a new password:\n{link}\nIf it was not you, ignore this e-mail: your old password still works.",

  "recovery.notice.passwordReset.title": "Your password was reset",
  "recovery.notice.passwordReset.body":
    "Your account's password has just been reset and every earlier sign-in was signed out. If this was not you, tell Union staff at once.",
  "recovery.notice.staffCode.title": "Staff issued a recovery code",
  "recovery.notice.staffCode.body":
    "Staff member {staff} has just issued a password reset code for your account. If you did not ask for it, tell the Union at once.",

  "recovery.error.phoneUnconfirmed":
    "Please confirm your phone number first. Open “Confirm your phone” and type the code we sent by text message.",
  "recovery.error.confirmLink": "Confirm your phone",
  "recovery.error.code.wrong": "That code is not right. Please check it and type it again.",
  "recovery.error.code.locked":
    "This code is locked after 5 wrong tries. Please ask for a new code.",
  "recovery.error.code.expired":
    "This code has expired or was replaced by a newer one. Please ask for a new code.",
  "recovery.error.code.used": "This code was already used. Each code works only once.",
  "recovery.error.code.none":
    "That code is not right or no longer works. Please ask for a new code.",
  "recovery.error.code.taken":
    "Another account has just taken this phone number. Please use a different number.",
  "recovery.error.codeFormat": "Please type the code you received.",
  "recovery.error.identifier": "Please type the account's phone number or e-mail.",
  "recovery.error.phone": "Please type the account's phone number (for example 0912 345 678).",
  "recovery.error.identityCheck":
    "Please write how you checked this person's identity (for example “ID card compared”), 3 to 200 characters.",
  "recovery.error.tooMany": "Too many codes were asked for. Please try again in {minutes} minutes.",
  "recovery.error.resendWait":
    "A code was just sent. Wait {seconds} seconds, then press “Send the code again”.",
  "recovery.error.terms":
    "You need to agree to the Terms of use and the Privacy policy to create an account.",

  "recovery.forgot.link": "Forgot your password?",
  "recovery.forgot.title": "Forgot your password",
  "recovery.forgot.intro":
    "Type your account's phone number or e-mail. We will send a code (by text message) or a link (by e-mail) so you can choose a new password.",
  "recovery.forgot.identifier": "Phone number or e-mail",
  "recovery.forgot.submit": "Send the code",
  "recovery.forgot.sent":
    "If an account has these details, we have sent a code or a link to reset the password. The code works for 15 minutes.",
  "recovery.forgot.haveCode": "Have a code? Choose a new password",
  "recovery.forgot.staffHelp":
    "No text message, or you no longer use your old phone number? Bring your ID card to the commune Farmers' Union staff. They will check it and give you a recovery code (it works for 24 hours).",
  "recovery.forgot.lockedHint": "Forgot your password? You can choose a new one.",

  "recovery.reset.title": "Choose a new password",
  "recovery.reset.intro":
    "Type your account's phone number, the code you received (by text message or from Union staff) and your new password.",
  "recovery.reset.introEmail": "Type a new password for your account.",
  "recovery.reset.phone": "Account phone number",
  "recovery.reset.code": "Code",
  "recovery.reset.codeHint":
    "The 6 digits in the text message, or the 8 characters from staff (like ABCD-EFGH).",
  "recovery.reset.submit": "Set the new password",
  "recovery.reset.done":
    "Your new password is set. Everywhere you were signed in with the old one has been signed out. Please log in again.",
  "recovery.reset.requestAgain": "Ask for a new code",

  "recovery.confirm.title": "Confirm your phone",
  "recovery.confirm.intro":
    "We sent a 6-digit code by text message to {phone}. Type it to confirm this number is yours.",
  "recovery.confirm.why":
    "Until you confirm, you can browse and fill your cart, but not order, post a purchase request, make an offer or apply to sell.",
  "recovery.confirm.code": "Confirmation code",
  "recovery.confirm.submit": "Confirm",
  "recovery.confirm.resend": "Send the code again",
  "recovery.confirm.resent": "A new code was sent. The old code no longer works.",
  "recovery.confirm.done": "Phone {phone} is confirmed. Thank you!",
  "recovery.confirm.nothing": "Your account has no phone number waiting to be confirmed.",
  "recovery.confirm.continue": "Continue",
  "recovery.confirm.changed":
    "Saved. The new phone number needs confirming: type the code we just sent to it.",

  "recovery.terms.label": "I agree to the {terms} and the {privacy}",
  "recovery.terms.terms": "Terms of use",
  "recovery.terms.privacy": "Privacy policy",

  "recovery.staff.nav": "Recovery codes",
  "recovery.staff.title": "Issue an account recovery code",
  "recovery.staff.intro":
    "For a member or a producer's person in your area who forgot the password and gets no text messages. Meet in person and check their papers before issuing a code.",
  "recovery.staff.searchLabel": "Account phone number",
  "recovery.staff.search": "Find the account",
  "recovery.staff.found": "Account: {name} ({phone})",
  "recovery.staff.producers": "Belongs to producers:",
  "recovery.staff.identityCheck": "How did you check who this is?",
  "recovery.staff.identityCheckHint":
    "For example “ID card compared”, “met in person at the commune office”.",
  "recovery.staff.issue": "Issue a code",
  "recovery.staff.issued": "Recovery code for {name} ({phone})",
  "recovery.staff.issuedHint":
    "Read or write this code and hand it to that person yourself. It is shown once, works once and expires at {time}. They open “Forgot your password” → “Choose a new password”, and type their phone and this code.",
  "recovery.staff.notFound": "No member or producer account with this number in your area.",
  "recovery.staff.staffAccount":
    "This is a staff account. Staff accounts get no recovery code here; ask an administrator.",

  "recovery.demo.title": "Sent messages (demo)",
  "recovery.demo.intro":
    "This page exists only in the demo: every SMS, Zalo message and e-mail the system sends is kept here so you can read codes and try the steps.",
  "recovery.demo.empty": "No messages yet.",
  "recovery.demo.to": "To: {to}",
  "recovery.demo.channel.sms": "SMS",
  "recovery.demo.channel.zalo": "Zalo",
  "recovery.demo.channel.email": "E-mail",
};
