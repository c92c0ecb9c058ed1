/**
 * English catalogue. Keys are the contract between the conversation machine
 * and every adapter; `{param}` placeholders are filled by `translate`.
 * Every message that reports a mistake says how to fix it.
 */
export const en = {
  "menu.welcome":
    "Hello! I'm the verification assistant. Verification unlocks the platform's advanced features, such as file sharing and data analysis. It takes four steps:\n1. Register: your full name, email and mobile phone\n2. Choose a method: personal ID card, phone or enterprise\n3. Provide the details and document photos — I check each one right away\n4. Review takes 1–3 business days; the result comes here, by email and by SMS",
  "menu.prompt": "What would you like to do?",
  "menu.draftWaiting": "You have an unfinished application — your answers are saved.",
  "choice.start": "Start verification",
  "choice.continue": "Continue verification",
  "choice.status": "Check status",
  "choice.faq": "FAQ",
  "choice.support": "Contact support",

  "ask.name": "Please enter your full name exactly as it appears on your ID document.",
  "ask.email": "Please enter your email address. We send the review result there.",
  "ask.phone":
    "Please enter your mobile phone number. Numbers without a country code are read as Chinese (+86); for other countries start with + and the country code.",
  "ask.method": "Choose a verification method:",
  "ask.idNumber": "Enter your 18-character resident ID number (the last character may be X).",
  "ask.idFront":
    "Send a photo of the FRONT of your ID card (the side with your portrait): JPEG or PNG, in colour, sharp and well lit, on a plain background. Sending it as a file keeps full resolution.",
  "ask.idBack": "Now send a photo of the BACK of your ID card (the national emblem side), same rules as the front.",
  "ask.phoneCode": "We sent a 6-digit code by SMS to {phone}. Enter it here; it is valid for 10 minutes.",
  "ask.companyName": "Enter the company's full registered name, exactly as on the business licence.",
  "ask.uscc": "Enter the company's 18-character unified social credit code (统一社会信用代码), printed on the business licence.",
  "ask.licence": "Send a photo of the business licence: JPEG or PNG, in colour, the whole licence visible and readable.",
  "ask.legalRepName": "Enter the legal representative's full name, as on the business licence.",
  "ask.legalRepId": "Enter the legal representative's 18-character resident ID number.",
  "ask.phoneCodeNotSent": "To confirm {phone}, press “Send a new code” and enter the 6-digit code from the SMS.",
  "ask.currentValue": "Current answer: {value}. Send a new one to replace it.",
  "ask.currentDocument": "A photo is already saved for this item. Send a new one to replace it.",

  "method.id_card": "Personal ID card",
  "method.phone": "Phone",
  "method.enterprise": "Enterprise",

  "error.name.too_short": "That name looks too short. Please enter your full name, e.g. 张三 or Zhang San.",
  "error.name.too_long": "That name is longer than 60 characters. Please enter only your full name.",
  "error.name.characters":
    "A name may contain only letters, spaces and · ' - . — no digits or symbols. Please enter your full name as on your ID document.",
  "error.email.format": "“{value}” is not a valid email address. Please check it, e.g. name@example.com.",
  "error.phone.too_short": "That phone number is too short. Please enter the full number, e.g. 138 1234 8000.",
  "error.phone.too_long": "That phone number has too many digits. Please check it and enter it again.",
  "error.phone.invalid":
    "That is not a valid phone number. Enter a Chinese mobile number (11 digits, starting with 1) or + and the country code for other countries.",
  "error.phone.not_mobile": "That looks like a landline, which cannot receive SMS. Please enter a mobile number.",
  "error.idCard.old_format":
    "That is an old 15-digit ID number. Those are no longer accepted: please enter the 18-character number on your current ID card.",
  "error.idCard.length": "A resident ID number has exactly 18 characters; you sent {length}. Please check and enter it again.",
  "error.idCard.characters": "A resident ID number is 17 digits followed by a digit or X. Please check for letters or symbols.",
  "error.idCard.region": "The first digits of that ID number are not a valid region code. Please check the number on your card.",
  "error.idCard.birth_date":
    "Digits 7–14 of an ID number are the birth date (YYYYMMDD), and that one is impossible or in the future. Please check the number on your card.",
  "error.idCard.checksum":
    "That ID number doesn't pass its check character — most likely a digit was mistyped. Please compare it with your card digit by digit.",
  "error.uscc.length": "A unified social credit code has exactly 18 characters; you sent {length}. Please check the licence.",
  "error.uscc.characters":
    "A unified social credit code uses digits and capital letters except I, O, S, V and Z. Please check the licence.",
  "error.uscc.checksum":
    "That credit code doesn't pass its check character — most likely a character was mistyped. Please compare it with the licence.",
  "error.companyName.too_short": "That company name looks too short. Please enter the full registered name.",
  "error.companyName.too_long": "That company name is longer than 100 characters. Please enter only the registered name.",

  "otp.sent": "Code sent to {phone}.",
  "otp.wrong": "That code is not right. {left} tries left.",
  "otp.format": "The code has 6 digits. Please type just the digits from the SMS.",
  "otp.expired": "That code has expired. Press “Send a new code”.",
  "otp.exhausted": "Too many wrong codes. Press “Send a new code” to get a fresh one.",
  "otp.refused.unavailable":
    "We cannot send SMS codes right now, so the number cannot be confirmed by SMS. Please choose another way, or contact {support}.",
  "otp.refused.phone_limit":
    "This number has received 5 codes in the last 24 hours. You can ask for a new one in about {hours} h; meanwhile, use the last code you received.",
  "otp.refused.user_limit": "You have asked for 10 codes in the last 24 hours. You can ask for a new one in about {hours} h.",
  "otp.refused.locked":
    "Too many wrong codes were typed for this number in the last 24 hours, so it is locked for about {hours} h. If this was not you, contact {support}.",
  "otp.wait": "Please wait {seconds} s before asking for another code.",
  "otp.verified": "Phone number confirmed.",
  "contact.notOwn": "That contact is not your own number. Please share your own number, or type it.",
  "sms.code": "[Verification] Your code is {code}. It is valid for 10 minutes. Never share it with anyone.",
  "choice.otpResend": "Send a new code",
  "choice.otpChangePhone": "Change phone number",

  "document.received": "Photo received.",
  "document.unexpected": "Thanks, but I'm not expecting a file right now — I'll ask for photos when we get to that step.",
  "document.problemLine": "• {problem}",
  "document.rejected": "This photo can't be used yet:",
  "document.problem.unsupported_format":
    "It is not a JPEG or PNG image (the file's content says so, whatever its name). Please send a JPEG or PNG photo — a photo taken with the camera app is fine.",
  "document.problem.corrupt":
    "The image is damaged or incomplete and can't be opened — perhaps the upload was interrupted. Please send it again, or retake the photo.",
  "document.problem.file_too_large":
    "The file is {size} MB; the limit is {limit} MB. Please crop away the background or compress it, then send it again.",
  "document.problem.too_many_pixels":
    "The image has {megapixels} megapixels; the limit is {limit}. Please resize it, or send an ordinary camera photo.",
  "document.problem.too_small":
    "It is only {width}×{height} pixels; the shorter side must be at least {minimum}. Move closer so the document fills the frame, and send it as a file to keep full resolution.",
  "document.problem.blurry":
    "It is blurry. Hold the phone steady (rest your elbows on the table), tap the document on the screen to focus, and retake it.",
  "document.problem.black_and_white":
    "It is black-and-white or greyscale, like a photocopy. Please photograph the original document, in colour.",
  "document.problem.too_dark": "It is too dark to read. Retake it in daylight or a well-lit room, without your shadow over the document.",
  "document.problem.overexposed":
    "It is overexposed: parts are washed out. Avoid direct light and flash glare on the document, and retake it.",
  "document.problem.unreadable": "I couldn't read the file. Please check it and send it again.",
  "document.problem.no_access":
    "I couldn't open that file: this app has no permission to read files here. Please tell your workspace admin (the app needs the files:read scope), or send the photo again later.",
  "document.problem.too_many_uploads": "That is many photos in a short time. Please wait {minutes} min, then send the clearest one.",
  "document.problem.missing": "There is no file at that path. Please check the path and send it again with /file <path>.",

  "input.empty": "I couldn't find any text in that message. Please type your answer.",
  "input.too_long": "That message is over 1,000 characters. Please send a shorter answer.",
  "input.unsupported": "I can't read that kind of message. Please type your answer or use the buttons.",
  "input.unknownCommand": "I don't know the command {command}.",
  "input.useButtons": "Please choose one of the options below.",
  "input.staleChoice": "That button belongs to an earlier message. Here is where we are now:",

  "error.internal": "Sorry, something went wrong on our side and your last message was not saved. Please send it again.",
  "help.text":
    "I guide you through verification step by step. Commands:\n/start — main menu\n/status — your application's status\n/back — previous question\n/cancel — stop for now (your answers are kept)\n/lang — switch language (中文/English)\n/privacy — your data: what we keep, export or delete it\n/help — this help",
  "cancel.done": "Stopped. Your answers are kept — choose “Continue verification” whenever you are ready.",
  "cancel.nothing": "There is nothing to cancel right now.",
  "back.first": "This is the first question; there is nothing before it.",
  "lang.switched": "Language set to English.",
  "snapshot.reset": "Sorry — the assistant was updated and lost track of where we were. Your answers are kept.",

  "summary.title": "Please check your application:",
  "summary.line": "• {label}: {value}",
  "summary.documentSaved": "photo received",
  "summary.phoneVerified": "{phone} (confirmed)",
  "choice.submit": "Submit",
  "choice.edit": "Change something",
  "edit.prompt": "Which item do you want to change?",
  "choice.editDone": "Back to the summary",
  "field.name": "Full name",
  "field.email": "Email",
  "field.phone": "Mobile phone",
  "field.method": "Method",
  "field.idNumber": "ID number",
  "field.idFront": "ID card, front",
  "field.idBack": "ID card, back",
  "field.phoneCode": "SMS code",
  "field.companyName": "Company name",
  "field.uscc": "Unified social credit code",
  "field.licence": "Business licence",
  "field.legalRepName": "Legal representative",
  "field.legalRepId": "Legal representative's ID number",

  "consent.prompt":
    "One last step. By submitting, you agree that we process the personal data above — name, contact details, ID numbers and document photos — only to verify your identity. It is stored encrypted, shown only to the reviewer who opens your application (each opening is recorded), and erased {days} days after the decision; only the result stays. /privacy tells more, and lets you export or delete your data.",
  "choice.consentAgree": "I agree — submit",
  "choice.consentBack": "Back to the summary",

  "submitted.done":
    "Submitted! Your reference is {reference}. Reviewers decide within 3 business days — by {expectedBy}. You'll hear from me here, and by email and SMS. A submitted application can't be edited; /status shows where it stands.",
  "start.pending":
    "Your application {reference} is already being reviewed (decision expected by {expectedBy}). You can't start another one meanwhile.",
  "start.verified": "You are already verified — nothing more to do.",
  "start.accountBlocked": "Your account is {account}, so it can't start or submit a verification. Please contact support: {support}.",

  "status.none": "You have no application yet. Choose “Start verification” to begin.",
  "status.draft": "Your application isn't submitted yet: {done} of {total} items done.",
  "status.application": "Application {reference} ({method}): {status}.",
  "status.submittedAt": "Submitted on {date}.",
  "status.expectedBy": "Decision expected by {date}.",
  "status.overdue": "The decision was expected by {date} and is overdue — sorry for the wait.",
  "status.reasons": "Reasons: {reasons}",
  "status.verified": "✅ Verified.",
  "status.account": "Account: {account}.",
  "status.draft.label": "draft",
  "status.submitted.label": "under review",
  "status.needs_more_info.label": "more information needed",
  "status.approved.label": "approved",
  "status.rejected.label": "rejected",
  "status.withdrawn.label": "withdrawn",
  "account.active": "active",
  "account.disabled": "disabled",
  "account.cancelled": "cancelled",

  "reason.details_mismatch": "The details you entered don't match the document.",
  "reason.details_mismatch.advice": "Compare your name and ID numbers with the document character by character, then correct them.",
  "reason.incomplete": "Some required information or documents were missing.",
  "reason.incomplete.advice": "Provide every document photo asked for, with the whole document visible.",
  "reason.document_unclear": "A document photo was not clear enough to read.",
  "reason.document_unclear.advice": "Retake the photo in good light, holding the phone steady, with the whole document in the frame.",
  "reason.document_invalid": "The document is expired or not of an accepted type.",
  "reason.document_invalid.advice": "Use a valid, unexpired resident ID card (or business licence for enterprises).",
  "reason.document_side_missing": "One side of the ID card was missing.",
  "reason.document_side_missing.advice": "Send both sides: the portrait side and the national emblem side.",
  "reason.false_information": "The information was found to be false.",
  "reason.false_information.advice": "This application can't be resubmitted. If you think this is a mistake, please contact support.",
  "reason.not_eligible": "This account is not eligible for verification.",
  "reason.not_eligible.advice": "This application can't be resubmitted. Please contact support to learn more.",
  "review.card.title": "📋 Application {reference} · {method}",
  "review.card.submitted": "Submitted {submittedAt} · decision due by {expectedBy}",
  "review.card.resubmission": "Resubmission: the previous attempt was rejected.",
  "review.card.waiting": "Waiting {hours} h",
  "review.card.duplicate": "⚠️ The same ID number or credit code is also in application {reference} ({status}).",
  "review.card.workspace": "Slack workspace: {team}{enterprise}",
  "review.card.enterprise": " (Enterprise Grid {enterprise})",
  "review.card.decided": "{status} by {actor} at {at}",
  "choice.approve": "Approve",
  "choice.reject": "Reject",
  "choice.requestInfo": "Request more info",
  "choice.showDetails": "Show details",
  "choice.open": "Open privately",
  "review.reject.choose": "Reject {reference}: tap the reasons that apply, then Continue.",
  "review.info.choose": "Request more info for {reference}: tap what the user must provide again, then Send.",
  "review.selected": "☑ {label}",
  "review.unselected": "☐ {label}",
  "choice.next": "Continue",
  "choice.sendRequest": "Send request",
  "choice.cancelReview": "Cancel",
  "review.reject.note": "Type a note for the user (shown with the reasons), or press “No note”.",
  "choice.noNote": "No note",
  "review.recorded": "Recorded: {reference} is now {status}.",
  "review.form.rejectTitle": "Reject {reference}",
  "review.form.infoTitle": "Request info: {reference}",
  "review.form.reasons": "Reasons (shown to the user)",
  "review.form.items": "What the user must provide again",
  "review.form.note": "Note to the user (optional)",
  "home.title": "🪪 Identity verification",
  "home.startOrContinue": "Start or continue verification",
  "slack.continueInDm": "I've sent you a direct message — let's continue there.",
  "notification.subject.decision": "[{reference}] Your identity verification",
  "notification.subject.overdue": "[{reference}] Your review is taking longer",
  "notification.subject.announcement": "A message from the verification team",
  "notification.sms.decision": "Verification {reference}: {status}. Details in your chat with the assistant or by email.",
  "notification.sms.needsInfo": "Verification {reference}: reviewers need more information. Please open your chat with the assistant.",
  "notification.sms.overdue": "Verification {reference}: the review takes longer than promised; sorry. Send /status in the chat to check.",
  "notification.resentNote": "(Sent again at your request.)",
  "notification.emailFooter": "You can also check your status any time in the chat with the assistant: send /status.",
  "announcement.body": "{text}",
  "maintenance.released": "Maintenance is over: your application {reference} is submitted. Expect a decision by {expectedBy}.",
  "choice.resend": "Send it again",
  "choice.resendToNew": "Resend the last result there",
  "channel.chat": "this chat",
  "channel.email": "email",
  "channel.sms": "SMS",
  "notification.resent": "Sent again to {channels}.",
  "notification.resendLimited":
    "You have asked for 3 resends in the last hour, the most we allow. Please try again in {minutes} min — or check /status, which always shows the result.",
  "notification.nothingToResend":
    "We haven't sent you any result yet, so there is nothing to resend. Send /status to see where your application stands.",
  "faq.lastNotification": "Our last message to you ({date}):",
  "faq.deliveryLine": "• {channel}: {state}",
  "delivery.sent": "delivered",
  "delivery.pending": "being sent ({attempts} attempts so far)",
  "delivery.failed": "failed — {reason}",
  "maintenance.held":
    "We are doing maintenance until {until}, so your application is held, not lost: it is submitted automatically when maintenance ends, and we will tell you. Your answers are kept; status and FAQ work as usual. {note}",
  "review.cancelled": "Cancelled; nothing was changed.",
  "review.selectFirst": "Select at least one item first.",
  "review.notReviewer": "Only reviewers can decide applications. This attempt has been recorded.",
  "review.ownApplication": "You can't decide your own application. This attempt has been recorded.",
  "review.alreadyDecided": "{reference} can't be changed any more: it is {status} ({actor}, {at}).",
  "review.notFound": "There is no application {reference}.",
  "review.details": "Details of {reference} (this view is recorded):",
  "review.open.sent": "Sent to you in a private chat.",
  "review.open.startBot":
    "To open an application privately, first start a private chat with @{bot} (press Start there), then press Open again.",
  "review.open.dmFailed":
    "The details could not be sent to you by direct message. Check that the app may message you, then press Open again.",
  "decision.approved":
    "🎉 Your application {reference} is approved — you are verified. You can now use the advanced features, such as file sharing and data analysis.",
  "decision.rejected": "Your application {reference} was not approved:",
  "decision.reason": "• {reason} {advice}",
  "decision.note": "Reviewer's note: {note}",
  "decision.retry": "You can resubmit: your answers are kept and only what needs fixing will be asked again.",
  "decision.final": "This application can't be resubmitted. Support can help: {support}.",
  "decision.needsInfo": "Reviewers need more information for {reference}: {items}. Choose “Provide information” to send it.",
  "choice.resubmit": "Resubmit",
  "choice.provideInfo": "Provide information",
  "list.join": "{head}, {tail}",
  "resubmit.started": "Let's fix application {reference}. Your other answers are kept; I'll ask only for what needs fixing.",
  "resubmit.limit": "You have had 5 rejected applications in the last 30 days, so a new attempt needs our support team first.",
  "provideInfo.started": "Reviewers asked for more information on {reference}. I'll ask only for those items.",
  "provideInfo.done": "Thank you — the information was added to {reference}, which is back with the reviewers.",
  "withdraw.confirm": "Withdraw application {reference}? Reviewers will stop working on it. You can start a new application afterwards.",
  "choice.withdrawConfirm": "Yes, withdraw it",
  "choice.withdrawCancel": "No, keep it",
  "choice.withdraw": "Withdraw application",
  "withdraw.done": "Application {reference} is withdrawn. You can start a new one whenever you like.",
  "change.refused": "That is no longer possible: application {reference} is now {status}.",
  "status.cannotEdit": "A submitted application can't be edited. To change something, withdraw it and start again.",
  "review.reminder": "⏰ Waiting more than 1 business day: {reference} (decision due by {expectedBy}).",
  "overdue.apology":
    "Sorry — your application {reference} was due to be decided by {expectedBy}, and the reviewers need a little longer. It is at the front of the queue, and you'll hear from me as soon as it is decided.",
  "choice.updateEmail": "Update email",
  "choice.updatePhone": "Update phone",
  "choice.reverify": "Change legal representative",
  "ask.newEmail": "Enter your new email address.",
  "ask.newPhone": "Enter your new mobile phone number; I'll send a code to confirm it.",
  "contact.emailUpdated": "Your email address is updated.",
  "contact.phoneUpdated": "Your phone number is confirmed and updated.",
  "reverify.started":
    "A new legal representative needs a new review. Your current verification stays valid until the decision. I'll ask for the new licence photo and the representative's details; everything else is kept.",
  "faq.verification-steps":
    "Verification takes four steps: 1) register your full name, email and mobile phone; 2) choose a method — personal ID card, phone, or enterprise; 3) enter the details and send the document photos, which I check right away; 4) submit: reviewers decide within 1–3 business days, and the result comes here, by email and by SMS.",
  "faq.verification-methods":
    "Three methods: personal ID card (your 18-character ID number plus photos of both sides — the usual choice for individuals); phone (a 6-digit SMS code to your registered mobile); enterprise (company name, unified social credit code, a photo of the business licence, and the legal representative's name and ID number).",
  "faq.required-documents":
    "For the ID card method: photos of the front (portrait side) and back (national emblem side) of your resident ID card. For enterprises: a photo of the business licence, plus the legal representative's ID number. The phone method needs no documents.",
  "faq.document-requirements":
    "Photos must be JPEG or PNG, at most 5 MB, at least 600 pixels on the shorter side, sharp, in colour (not a photocopy), well lit and not washed out, with the whole document on a plain background. I check each photo as soon as you send it and tell you exactly what to fix.",
  "faq.review-time":
    "Reviewers decide within 1–3 business days after you submit (weekends and public holidays don't count). You'll get the result here, by email and by SMS.",
  "faq.check-status": "Send /status or press “Check status” at any time to see where your application stands.",
  "faq.failure-reasons":
    "The most common reasons are details that don't match the document (check your name and ID number character by character), photos that are unclear, black-and-white or missing a side, an expired document, or an account that is disabled. The rejection message lists your reasons and what to do about each.",
  "faq.resubmit":
    "Yes — after a rejection for a fixable reason you can resubmit: choose “Resubmit”, and only the items that need fixing are asked again. After a final rejection (false information, not eligible), or after 5 rejections within 30 days, please contact support.",
  "faq.modify-application":
    "A submitted application can't be edited. If something is wrong, withdraw it (/status → “Withdraw application”) and start again; your new application is reviewed from the start.",
  "faq.notification-missing":
    "Check your spam or junk folder first, and that the email and phone number you registered are correct. The result is always here too: send /status. Once you have submitted an application you can correct your email or phone here and have the result sent again; otherwise support can help.",
  "faq.forgot-email":
    "If you forgot which email you registered with, try resetting your password on the platform; if that doesn't help, contact support and they will confirm your identity and help you recover the account.",
  "faq.update-info":
    "After approval you can keep your details current from the menu: “Update email”, or “Update phone” (confirmed with an SMS code). Enterprises whose legal representative changes choose “Change legal representative”, which needs a new review; the current verification stays valid until then.",
  "faq.benefits":
    "Verified users get the platform's advanced features — such as file sharing and data analysis — higher trust in shared work, and stronger protection of their information.",
  "faq.account-problem":
    "A disabled or cancelled account can't be verified. Please contact support to check your account's status and what can be done.",
  "faq.platform-issue":
    "If uploads fail or the service seems down, check your network and try again later, perhaps on another network. During maintenance, announcements explain what is affected; your answers so far are always kept.",
  "faq.contact-support": "Our support team can help: {support}. Mention your reference code if you have one.",
  "faq.privacy":
    "Your details and document photos are used only to verify you, stored encrypted, seen only by the reviewer who opens your application, and erased after the decision. /privacy tells more and lets you export or delete your data.",
  "privacy.about":
    "What we keep and who sees it:\n• Your name, email, phone, ID numbers (or credit code) and document photos are used only to verify you, and stored encrypted.\n• Reviewers see them only when one opens your application, privately; every opening is recorded, and your data export shows who opened it and when.\n• {days} days after the decision (approved, not approved or withdrawn) your details and photos are erased; only the result stays: status, method, dates and a masked number. Unfinished conversations are erased after {conversationDays} days without activity; the messages we sent you and your support requests after {days} days.\n• With the buttons below you can get a copy of everything we hold about you, or have it deleted. Questions: {support}.",
  "choice.privacyExport": "Export my data",
  "choice.privacyErase": "Delete my data",
  "privacy.export.ready":
    "Here is everything we hold about you, as a JSON file (your document photos included). Keep it safe: it contains your ID number.",
  "privacy.erase.confirm":
    "Delete your data? Your details, document photos, conversation and the messages we sent you are erased for good. Only the results of past applications stay (status, method, dates, masked number), so an approval stays valid. This can't be undone.",
  "choice.privacyEraseConfirm": "Yes, delete it",
  "choice.privacyEraseCancel": "No, keep it",
  "privacy.erased": "Done: your personal data has been erased. You can start a new verification any time.",
  "privacy.erase.kept": "Nothing was deleted.",
  "privacy.erase.underReview":
    "Your application {reference} is being reviewed and needs your details, so they can't be deleted now. Withdraw the application first, then ask again.",
  "faq.noMatch": "Sorry, I'm not sure what you mean. Here are the topics I can help with — or ask for a person.",
  "faq.pick": "Which topic can I help with?",
  "faq.yourRejection": "Your application {reference} was not approved because:",
  "faq.yourExpectedDate": "Your application {reference} is with the reviewers; the decision is expected by {date}.",
  "faq.yourOverdue": "Your application {reference} was expected by {date} and is overdue — sorry. It is at the front of the queue.",
  "faq.resubmitAllowed":
    "Yes — you can resubmit {reference}: your answers are kept and only the items to fix are asked again. Attempts left in these 30 days: {left}.",
  "faq.answerThenContinue": "Now, back to where we were:",
  "choice.talkToPerson": "Talk to a person",
  "support.requested":
    "I've passed your request to our team (reference {reference}); they'll get back to you. You can also reach them at {support}.",
  "faq.topic.verification-steps": "How verification works",
  "faq.topic.verification-methods": "Verification methods",
  "faq.topic.required-documents": "Documents needed",
  "faq.topic.document-requirements": "Photo requirements",
  "faq.topic.review-time": "How long review takes",
  "faq.topic.check-status": "Checking my status",
  "faq.topic.failure-reasons": "Why verification fails",
  "faq.topic.resubmit": "Applying again",
  "faq.topic.modify-application": "Changing a submitted application",
  "faq.topic.notification-missing": "I got no notification",
  "faq.topic.forgot-email": "I forgot my email",
  "faq.topic.update-info": "Updating my details",
  "faq.topic.benefits": "Benefits of verification",
  "faq.topic.account-problem": "Account problems",
  "faq.topic.platform-issue": "Technical problems",
  "faq.topic.contact-support": "Contacting support",
  "faq.topic.privacy": "Privacy and my data",
  "faq.yourContact": "We send your results to {email} and {phone}. If either is wrong, that is why nothing arrived.",
  "support.contact": "Our support team can help: {support}. Mention your reference code if you have one.",
  // Telegram's own controls and command menu.
  "telegram.sharePhone": "📱 Share my phone number",
  "telegram.sharePhoneHint": "Or tap “📱 Share my phone number” below: a number shared from your own Telegram account needs no SMS code.",
  "telegram.command.start": "Start or continue verification",
  "telegram.command.status": "Check my verification status",
  "telegram.command.help": "What I can do",
  "telegram.command.back": "Go back one step",
  "telegram.command.cancel": "Stop the current step",
  "telegram.command.lang": "Language: /lang en or /lang zh",
  "telegram.command.privacy": "My data: what is kept, export, delete",
} as const;

export type MessageKey = keyof typeof en;
