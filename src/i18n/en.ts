/**
 * English catalogue. Keys are the contract between the conversation machine
 * and every adapter; `{param}` placeholders are filled by `translate`.
 * Every message that reports a mistake says how to fix it.
 */
export const en = {
  "menu.welcome":
    "Hello! I'm the verification assistant. Verification unlocks the platform's advanced features, such as file sharing and data analysis. It takes four steps:\n1. Register: your full name, email and mobile phone\n2. Choose a method: {methods}\n3. Provide the details and document photos — I check each one right away\n4. Review takes 1–3 business days; the result comes {channels}",
  "menu.prompt": "What would you like to do?",
  "menu.welcomeBack": "Welcome back!",
  "menu.draftWaiting": "You have an unfinished application — your answers are saved.",
  "choice.start": "Start verification",
  "choice.startNew": "New application",
  "choice.continue": "Continue verification",
  "choice.status": "Check status",
  "choice.faq": "FAQ",
  "choice.support": "Talk to a person",
  "choice.supportSend": "Send without a message",
  "choice.supportCancel": "Don't send",

  "ask.name": "Please enter your full name exactly as it appears on your ID document.",
  "ask.email": "Please enter your email address. {use}",
  "email.use.result": "We send the review result there.",
  "email.use.details": "It is part of your verification details: use a real address of your own.",
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
  "ask.legalRepFront":
    "Send a photo of the FRONT of the legal representative's ID card (the portrait side) — the representative need not be you: JPEG or PNG, in colour, sharp and well lit. Reviewers compare it with the name and number you typed.",
  "ask.legalRepBack": "Now the BACK of the legal representative's ID card (the national emblem side), same rules as the front.",
  "ask.phoneCodeNotSent": "To confirm {phone}, press “Send a new code” and enter the 6-digit code from the SMS.",
  "ask.currentValue": "Current answer: {value}. Send a new one to replace it, or keep it.",
  "ask.currentDocument": "A photo is already saved for this item. Send a new one to replace it, or keep it.",

  "method.id_card": "Personal ID card",
  "method.phone": "Phone",
  "method.enterprise": "Enterprise",

  "error.name.too_short": "That name looks too short. Please enter your full name, e.g. 张三 or Zhang San.",
  "error.name.too_long": "That name is longer than 60 characters. Please enter only your full name.",
  "error.name.characters":
    "A name may contain only letters, spaces and · ' - . — no digits or symbols. Please enter your full name as on your ID document.",
  "error.name.han_length":
    "A Chinese name has 2–6 characters. A longer name is written in parts joined by ·, as on the ID card (e.g. 阿依古丽·买买提), up to 20 characters.",
  "error.name.too_many_words": "That is more than five words. Please type only your full name, as on your ID document.",
  "error.name.sentence":
    "That doesn't look like a name. Please type only your full name, exactly as on your ID document — for example 张三 or Zhang San.",
  "menu.detailTyped": "That looks like {kind}. To use it for your verification, choose “{button}” below: I'll ask for each detail in turn.",
  "error.otherAnswer": "That looks like {kind}, which is not what this question asks for.",
  "answerKind.email": "an email address",
  "answerKind.idNumber": "an ID number",
  "answerKind.uscc": "a unified social credit code",
  "answerKind.phone": "a phone number",
  "error.email.format": "“{value}” is not a valid email address. Please check it, e.g. name@example.com.",
  "error.phone.too_short":
    "That phone number is too short. Please enter the full number: 11 digits for a Chinese mobile (e.g. 138 1234 8000), or + and the country code followed by the whole number.",
  "error.phone.too_long": "That phone number has too many digits. Please check it and enter it again.",
  "error.phone.invalid":
    "That is not a valid phone number. Enter a Chinese mobile number (11 digits, starting with 1) or + and the country code for other countries.",
  "error.phone.not_mobile": "That looks like a landline, which cannot receive SMS. Please enter a mobile number.",
  "error.phone.not_mobile_read_as_chinese":
    "Read as a Chinese number (it has no country code), that is a landline, which cannot receive SMS. Please enter a mobile number; for another country's, start with + and the country code.",
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
  "error.companyName.characters": "A company name has no question mark. Please type the full registered name, as on the business licence.",
  "error.companyName.sentence":
    "That doesn't look like a company name. Please type the full registered name exactly as on the business licence, e.g. 北京某某科技有限公司.",

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
  "review.greyscale": "⚠️ {label}: black-and-white photo (a copy?); the applicant kept it rather than send a colour one",
  "review.photoCheckOf.id_front": "Photo check: {result}",
  "review.photoCheckOf.licence": "Licence check: {result}",
  "review.photoCheckOf.legal_rep_front": "Legal representative's ID card check: {result}",
  "review.photoCheck.matches": "the {number} on the photo matches the typed one",
  "review.photoCheck.differs": "the {number} on the photo differs from the typed one",
  "review.photoCheck.differs_confirmed": "the {number} on the photo differs; the applicant confirmed the typed one",
  "review.photoCheck.unreadable": "no {number} could be read on the photo",
  "review.photoCheck.not_read": "the photo was not read",
  "review.photoNumber.idNumber": "number",
  "review.photoNumber.uscc": "credit code",
  "review.photoNumber.legalRepId": "ID number",
  "review.nameCheck.id_front.matches": "Name on the photo (advisory): matches the typed one",
  "review.nameCheck.id_front.differs": "Name on the photo (advisory): reads differently from the typed one — check it on the photo",
  "review.nameCheck.legal_rep_front.matches": "Legal representative's name on the photo (advisory): matches the typed one",
  "review.nameCheck.legal_rep_front.differs":
    "Legal representative's name on the photo (advisory): reads differently from the typed one — check it on the photo",
  "review.usccRead": "Credit code read on the licence: {uscc}",
  "review.sideRead": "Side read on {label}: {side}",
  "side.portrait": "portrait side",
  "side.emblem": "emblem side",
  "side.licence": "business licence",
  "side.unknown": "not recognised",
  "read.numberDiffers": "The {field} on the photo ends {photo}; you typed {typed} ({count} of {length} characters differ).",
  "read.numberDiffersBefore":
    "The {field} on the photo is not the one you typed: {count} of {length} characters differ, though both end {typed}.",
  "read.wrongSide.portrait":
    "This looks like the national emblem side of the card, but here I need the portrait side (the side with your photo, name and ID number). Please send the portrait side.",
  "read.wrongSide.emblem":
    "This looks like the portrait side of the card, but here I need the national emblem side (the side with the issuing authority and the validity period). Please send the emblem side.",
  "read.wrongSide.legalRep.portrait":
    "This looks like the national emblem side of the card, but here I need the portrait side of the legal representative's ID card (the side with their photo, name and ID number). Please send that side.",
  "read.wrongSide.legalRep.emblem":
    "This looks like the portrait side of the card, but here I need the national emblem side of the legal representative's ID card (the side with the issuing authority and the validity period). Please send that side.",
  "read.aboutPhoto": "About the photo of the {field} you sent a moment ago:",
  "read.keptTyped": "Noted: reviewers will see that you confirmed the {field} you typed.",
  "read.keptPhoto": "Noted: the photo is kept as it is.",
  "read.matchesNow": "Thanks — the {field} now matches the photo.",
  "choice.photoFix": "Fix the number",
  "choice.photoRetake": "Send another photo",
  "choice.photoKeepTyped": "The number I typed is right",
  "choice.photoKeep": "Keep this photo",
  "read.field.idNumber": "ID number",
  "read.field.uscc": "unified social credit code",
  "read.field.id_front": "portrait side of your ID card",
  "read.field.id_back": "emblem side of your ID card",
  "read.field.licence": "business licence",
  "read.field.legalRepId": "legal representative's ID number",
  "read.field.legal_rep_front": "portrait side of the legal representative's ID card",
  "read.field.legal_rep_back": "emblem side of the legal representative's ID card",
  "document.provideInfoFirst":
    "Reviewers are waiting for a photo from you: choose “Provide information” first, then send it — this one was not kept.",
  "document.beforeMethod":
    "Thanks, but I'm not expecting a file yet: if the method you choose needs photos, I'll ask for them at that step.",
  "document.notNeeded": "Thanks, but no photo or file is needed from you right now, so this one was not kept.",
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
  "document.greyscale":
    "It is black-and-white or greyscale, like a photocopy. That is accepted, but a colour photo of the original is more likely to pass.",
  "choice.sendColourPhoto": "Send a colour photo",
  "choice.keepThisOne": "Keep this one",
  "document.greyscale.kept": "Noted: the black-and-white photo is kept; reviewers will see that it is one.",
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
    "I guide you through verification step by step. Commands:\n/start — main menu\n/status — your application's status\n/back — previous question\n/cancel — stop for now (your answers are kept)\n/restart — start over (your unfinished application is deleted)\n/lang — switch language (中文/English)\n/privacy — your data: what we keep, export or delete it\n/help — this help",
  "help.reviewer": "For reviewers: /queue — applications waiting for review, oldest first, with “Take next”.",
  "help.reviewRoom":
    "Review cards arrive here, and each card's buttons decide its application. When you are asked for a note, your next message here is the note. Commands here:\n/queue — applications waiting for review, oldest first, with “Take next”\n/help — this help",
  "cancel.done": "Stopped. Your answers are kept — choose “Continue verification” whenever you are ready.",
  "cancel.nothing": "There is nothing to cancel right now.",
  "back.first": "This is the first question; there is nothing before it.",
  "lang.switched": "Language set to English.",
  "snapshot.reset": "Sorry — the assistant was updated and lost track of where we were. Your answers are kept.",

  "summary.title": "Please check your application:",
  "summary.line": "• {label}: {value}",
  "summary.documentSaved": "photo received",
  "summary.stillChecking":
    "Still being checked: the photo of the {photos}. If anything on it needs your attention, you will hear here in a moment.",
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
  "field.legalRepFront": "Legal representative's ID card, front",
  "field.legalRepBack": "Legal representative's ID card, back",

  "consent.prompt":
    "By submitting, you agree that we process your personal data — {data} — only to verify your identity. It is stored encrypted, shown only to the reviewer who opens your application (each opening is recorded), and erased {days} days after the decision; only the result stays. /privacy tells more, and lets you export or delete your data. False information fails the verification and may get your account disabled.",
  "choice.consentAgree": "Submit (I agree)",
  "submit.notYet": "Not yet: once every step is done, the summary shows your answers with the Submit button.",
  "submit.nothing": "There is no application in progress to submit.",
  "typed.agree": "I agree",
  "typed.yes": "Yes",
  "typed.yesSure": "Sure",
  "typed.no": "No",
  "typed.cancel": "Cancel",
  "typed.agreeShort": "Agree",
  "typed.confirm": "Confirm",
  "typed.confirmSubmit": "Confirm and submit",
  "choice.consentBack": "Back to the summary",

  "submitted.done":
    "Submitted! Your reference is {reference}. Reviewers decide within 3 business days — by {expectedBy}. You'll hear from me {channels}. Only its email and mobile number can still be changed; /status shows where it stands.",
  "start.pending":
    "Your application {reference} is already being reviewed (decision expected by {expectedBy}). You can't start another one meanwhile.",
  "start.verified": "You are already verified — nothing more to do.",
  "situation.accountBlocked":
    "Your account is {account}, so verification can't be started or submitted; support can tell you what can be done.",

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
  "reason.details_mismatch.short": "Details don't match",
  "reason.details_mismatch.advice": "Compare your name and ID numbers with the document character by character, then correct them.",
  "reason.details_mismatch.phone": "The name you entered doesn't match the records of this phone number.",
  "reason.details_mismatch.phone.advice":
    "Enter your full legal name exactly as on your ID — the name the number is registered under — or apply with a number registered in your name.",
  "reason.incomplete": "Some required information or documents were missing.",
  "reason.incomplete.short": "Missing information",
  "reason.incomplete.advice": "Provide every document photo asked for, with the whole document visible.",
  "reason.document_unclear": "A document photo was not clear enough to read.",
  "reason.document_unclear.short": "Photo unclear",
  "reason.document_unclear.advice": "Retake the photo in good light, holding the phone steady, with the whole document in the frame.",
  "reason.document_invalid": "The document is expired or not of an accepted type.",
  "reason.document_invalid.short": "Document not valid",
  "reason.document_invalid.advice": "Use a valid, unexpired resident ID card (or business licence for enterprises).",
  "reason.document_side_missing": "One side of the ID card was missing.",
  "reason.document_side_missing.short": "ID card side missing",
  "reason.document_side_missing.advice": "Send both sides: the portrait side and the national emblem side.",
  "reason.false_information": "The information was found to be false.",
  "reason.false_information.short": "False information",
  "reason.false_information.advice":
    "This application can't be resubmitted as it is. If details were wrong by mistake, start a new application with the correct ones; if you think the decision is wrong, contact support.",
  "reason.not_eligible": "This account is not eligible for verification.",
  "reason.not_eligible.short": "Not eligible",
  "reason.not_eligible.advice":
    "This application can't be resubmitted as it is. Support can tell you why, and you can apply again once that no longer applies.",
  "review.disable.offer": "{reference} was rejected for false information. Should the applicant's account be disabled too?",
  "choice.disableAccount": "Also disable the account",
  "review.disable.confirm":
    "Disable the account of {reference}'s applicant? They will not be able to start or submit a verification until support enables it again. This is recorded.",
  "choice.disableAccountConfirm": "Yes, disable the account",
  "review.disable.done": "The account of {reference}'s applicant is disabled; they were told to contact support.",
  "review.disable.notAllowed": "An account can be disabled only after its application {reference} was rejected for false information.",
  "account.disabledForFalseInformation":
    "Your account has been disabled because false information was submitted in application {reference}. You can't start or submit a verification now. If you think this is a mistake, please contact support: {support}.",
  "notification.subject.accountDisabled": "Your account has been disabled",
  "notification.sms.accountDisabled": "Your account has been disabled after false information was submitted. Support: {support}",
  "review.card.title": "📋 Application {reference} · {method}",
  "review.card.submitted": "Submitted {submittedAt} · decision due by {expectedBy}",
  "review.card.attempts": "Application no. {n} by this applicant in 30 days. Earlier:",
  "review.card.earlier": "Earlier applications by this applicant:",
  "review.card.earlierLine": "• {reference} · {status} · {date}{reasons}",
  "review.card.earlierReasons": " — {reasons}",
  "review.card.reverification":
    "Re-verification after a change of legal representative or owner (current verification approved on {approvedOn}, valid meanwhile).",
  "review.card.follows": "Resubmission of {reference}, rejected on {date}: {reasons}",
  "review.card.changedSince": "Changed since: {fields}",
  "review.card.unchanged": "Nothing changed since: the same answers and photos.",
  "review.card.infoChanged": "✏️ Changed by the applicant on {at}: {fields}",
  "review.card.nothing": "nothing",
  "review.change.photo": "new photo: {label}",
  "review.previousNote": "The reviewer's note on {reference}: “{note}”",
  "review.previousValue": "Before: {label}: {value}",
  "review.card.waiting": "Waiting {hours} h",
  "review.card.duplicate": "⚠️ The same ID number or credit code is also in application {reference} ({status}).",
  "review.card.workspace": "Slack workspace: {team}{enterprise}",
  "review.card.enterprise": " (Enterprise Grid {enterprise})",
  "review.card.decided": "Decided: {status}, by {actor} on {at}",
  "review.card.sentBack": "Sent back to the applicant: {status}, asked by {actor} on {at}",
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
  "review.info.note":
    "Type a note for the applicant of {reference} — what exactly you need (at most {chars} characters; shown with the request), or press “No note”.",
  "review.info.noteTooLong":
    "That note has {chars} characters; the applicant's screen holds {max}. Please send a shorter one, or press “No note”.",
  "review.reject.note": "Type a note for the applicant of {reference} (shown with the reasons), or press “No note”.",
  "review.note.setAside":
    "What you started on {reference} is set aside: nothing was sent to its applicant. Press its buttons again to finish it.",
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
  "notification.sms.decision": "Verification {reference}: {status}. Details in your chat with the assistant.",
  "notification.sms.needsInfo": "Verification {reference}: reviewers need {items}{note}. Please open your chat with the assistant.",
  "notification.sms.overdue":
    "Verification {reference}: the review takes longer than promised; sorry. Your chat with the assistant shows where it stands (“Check status”).",
  "notification.resentNote": "(Sent again at your request.)",
  "notification.emailFooter": "You can also check your status any time in your chat with the assistant: “Check status” in its menu.",
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
  "delivery.queued": "waiting to be sent",
  "delivery.pendingOnce": "being sent (1 attempt so far)",
  "delivery.pending": "being sent ({attempts} attempts so far)",
  "delivery.failed": "failed — {reason}",
  "maintenance.note": "{note}",
  "maintenance.held":
    "We are doing maintenance until {until}, so your application is held, not lost: it is submitted automatically when maintenance ends, and we will tell you. Your answers are kept; status and FAQ work as usual.",
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
  "decision.note": "The reviewer wrote: “{note}”",
  "decision.retry": "You can resubmit: your answers are kept and only what needs fixing will be asked again.",
  "decision.final":
    "This application can't be resubmitted as it is. You can always start a new application with correct details (Start verification), or ask support: {support}.",
  "decision.needsInfo": "Reviewers need more information for {reference}: {items}. Choose “Provide information” to send it.",
  "choice.resubmit": "Resubmit",
  "choice.provideInfo": "Provide information",
  "resubmit.nothing": "You have no application to resubmit: only one that was not approved can be resubmitted.",
  "provideInfo.nothing": "Reviewers are not asking you for anything at the moment, so there is nothing to provide.",
  "list.join": "{head}, {tail}",
  // An empty paragraph: a blank line between what were two messages joined into one (Telegram's webhook answer).
  "paragraph.break": "",
  "resubmit.started": "Let's fix application {reference}. Your other answers are kept; I'll ask only for what needs fixing.",
  "provideInfo.started": "Reviewers asked for more information on {reference}. I'll ask only for those items.",
  "provideInfo.done": "Thank you — the information was added to {reference}, which is back with the reviewers.",
  "withdraw.confirm": "Withdraw application {reference}? Reviewers will stop working on it. You can start a new application afterwards.",
  "choice.withdrawConfirm": "Yes, withdraw it",
  "choice.withdrawCancel": "No, keep it",
  "choice.withdraw": "Withdraw application",
  "withdraw.done": "Application {reference} is withdrawn. You can start a new one whenever you like.",
  "change.refused": "That is no longer possible: application {reference} is now {status}.",
  "review.escalation": "🚨 Overdue and nobody on it: {reference} was due {expectedBy}. Claim it, or find someone who will.",
  "review.reminder": "⏰ Waiting more than 1 business day: {reference} (decision due by {expectedBy}).",
  "review.card.claimed": "🔒 In review by {actor} until {until}",
  "review.card.firstApproval": "✅ First approval by {actor} on {at}: awaiting a second reviewer",
  "choice.claim": "Claim",
  "choice.release": "Release",
  "choice.confirmApproval": "Confirm approval",
  "choice.takeNext": "Take next",
  "review.claimedBy":
    "{reference} is in review by {actor} until {until}: your action was not recorded. Ask them, or take it over after that time.",
  "review.claim.taken": "{reference} is yours until {until}: other reviewers' decisions wait. Press Release if you stop.",
  "review.claim.released": "Released {reference}: anyone may take it.",
  "review.claim.notYours": "You don't hold {reference}; there is nothing to release.",
  "review.claim.notWaiting": "{reference} isn't waiting for review (it is {status}).",
  "review.changedMeanwhile": "{reference} changed just as you pressed; look at its latest card and try again.",
  "review.firstApproval.recorded":
    "First approval of {reference} recorded. A second, different reviewer must confirm it before the applicant is approved.",
  "review.openFirst":
    "Open it first: you haven't opened {reference} since it last changed. Approving is possible once you have opened it privately.",
  "review.sameReviewer": "You gave {reference} its first approval: a different reviewer must confirm it. This attempt has been recorded.",
  "review.queue.title": "Waiting for review: {count}, oldest first",
  "review.queue.empty": "Nothing waits for review.",
  "review.queue.line": "{reference} · {method} · waiting {age} · due {expectedBy} ({sla}){state}",
  "review.queue.claimed": " · in review by {actor}",
  "review.queue.firstApproval": " · first approval by {actor}",
  "review.queue.more": "…and {count} more.",
  "review.queue.nothingToTake": "Nothing to take: every waiting application is claimed, or awaits a second reviewer other than you.",
  "review.queue.continue": "Continuing your claim on {reference}, yours until {until}:",
  "review.queue.yourClaims": "Your claims:",
  "review.queue.yourClaim": "• {reference}, yours until {until}",
  "choice.openClaim": "Open {reference}",
  "choice.releaseClaim": "Release {reference}",
  "review.queue.took": "You took {reference}, claimed until {until}:",
  "review.sla.on_time": "on time",
  "review.sla.due_today": "due today",
  "review.sla.overdue": "⚠️ overdue",
  "review.age.hours": "{hours} h",
  "review.age.days": "{days} d",
  "overdue.apology":
    "Sorry — your application {reference} was due to be decided by {expectedBy}, and the reviewers need a little longer. Overdue applications come first in the reviewers' queue, and you'll hear from me as soon as it is decided.",
  "choice.updateEmail": "Update email",
  "choice.updatePhone": "Update phone",
  "choice.reverify": "Change legal representative",
  "ask.newEmail": "Enter your new email address.",
  "ask.newPhone": "Enter your new mobile phone number; I'll send a code to confirm it.",
  "ask.newPhone.noSms": "Enter your new mobile phone number.",
  "contact.emailUpdated": "Your email address is updated.",
  "contact.phoneUpdated": "Your phone number is confirmed and updated.",
  "contact.phoneUpdated.noSms": "Your phone number is updated.",
  "contact.phoneNeedsSms":
    "You were verified by your phone number, and SMS codes cannot be sent here at the moment, so a new number could not be confirmed. To change it, please contact {support}.",
  "reverify.started":
    "A new legal representative needs a new review. Your current verification stays valid until the decision. I'll ask for the new licence photo and the representative's details; everything else is kept.",
  "faq.verification-steps":
    "Verification takes four steps: 1) register your full name, email and mobile phone; 2) choose a method — {methods}; 3) enter the details and send the document photos, which I check right away; 4) submit: reviewers decide within 1–3 business days, and the result comes {channels}.",
  "faq.verification-methods":
    "Three methods: personal ID card (your 18-character ID number plus photos of both sides — the usual choice for individuals); phone (a 6-digit SMS code to your registered mobile); enterprise (company name, unified social credit code, a photo of the business licence, and the legal representative's name, ID number and photos of both sides of their ID card).",
  "faq.required-documents":
    "For the ID card method: photos of the front (portrait side) and back (national emblem side) of your resident ID card, still valid (an expired card is not accepted). For enterprises: a photo of the business licence (in force), plus the legal representative's ID number and photos of both sides of their ID card. The phone method needs no documents.",
  "faq.document-requirements":
    "Photos must be JPEG or PNG, at most 5 MB, at least 600 pixels on the shorter side, sharp, well lit and not washed out, with the whole document on a plain background. A black-and-white photo or a photocopy is accepted, but a colour photo of the original is more likely to pass. I check each photo as soon as you send it and tell you exactly what to fix.",
  "faq.review-time":
    "Reviewers decide within 1–3 business days after you submit (weekends and public holidays don't count). You'll get the result {channels}.",
  "faq.check-status": "Send /status or press “Check status” at any time to see where your application stands.",
  "faq.failure-reasons":
    "The most common reasons are details that don't match the document (check your name and ID number character by character), photos that are unclear, black-and-white or missing a side, an expired document, or an account that is disabled. The rejection message lists your reasons and what to do about each.",
  "faq.resubmit":
    "Yes — one failure never takes away the right to apply again. After a rejection for a fixable reason, choose “Resubmit”: only the items that need fixing are asked again. After a rejection for false information or eligibility, that application can't be resubmitted as it is, but you can always start a new one with correct details; support can help.",
  "faq.modify-application":
    "Once submitted, an application can't be edited, except its email and mobile number (“Update email”, “Update phone” under /status). If anything else is wrong, withdraw it (/status → “Withdraw application”) and start again — the new application is reviewed from the start — or ask support. Before you submit, every answer can still be changed.",
  "faq.modifyDraft":
    "Your application is not submitted yet, so any answer can still be changed: choose “Change something” on the summary, or send /back to go to the previous question.",
  "faq.modifyWithdrawn": "It is withdrawn, so it won't change any more: start a new application with the right details whenever you like.",
  "withdraw.nothing": "There is no application being reviewed, so there is nothing to withdraw.",
  "withdraw.held": "A held application can be withdrawn once maintenance ends and it is in review.",
  "faq.notification-missing":
    "Check your spam or junk folder first, and that the email and phone number you registered are correct. The result is always here too: send /status. Once you have submitted an application you can correct your email or phone here and have the result sent again; otherwise support can help.",
  "faq.notification-missing.sms":
    "Check that the mobile number you registered is correct: results are sent there by SMS. The result is always here too: send /status. Once you have submitted an application you can correct your phone here and have the result sent again; otherwise support can help.",
  "faq.notification-missing.chat":
    "Results and notices come here, in this chat: send /status to see where your application stands. If something still seems missing, support can help.",
  "faq.forgot-email":
    "If you forgot which email you registered with, try resetting your password on the platform; if that doesn't help, contact support and they will confirm your identity and help you recover the account.",
  "faq.update-info":
    "Keep your email and phone current after approval: details left stale for a long time may limit what you can use. From the menu: “Update email”, or “Update phone” (confirmed with an SMS code). When an enterprise's legal representative or owner changes, choose “Change legal representative”: it needs a new review, and the current verification stays valid until then.",
  "faq.update-info.noSms":
    "Keep your email and phone current after approval: details left stale for a long time may limit what you can use. From the menu: “Update email” or “Update phone”. When an enterprise's legal representative or owner changes, choose “Change legal representative”: it needs a new review, and the current verification stays valid until then.",
  "faq.benefits":
    "Verified users get the platform's advanced features — such as file sharing and data analysis — higher trust in shared work, and stronger protection of their information. Without verification the platform can still be used, but those features stay locked.",
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
  "privacy.proof.sent.export":
    "To make sure it is really you, we sent a 6-digit code to {to}. Type it here and your data export follows. The code is valid for 10 minutes.",
  "privacy.proof.sent.erase":
    "To make sure it is really you, we sent a 6-digit code to {to}. Type it here to go on to deleting your data. The code is valid for 10 minutes.",
  "privacy.proof.prompt": "Type the 6-digit code we just sent you.",
  "privacy.proof.format": "The code has 6 digits. Please type just the digits we sent you.",
  "privacy.proof.refused":
    "Too many codes were sent for your account in the last 24 hours. You can ask again in about {hours} h. If this was not you, contact {support}.",
  "privacy.proof.cancelled": "Cancelled: nothing was exported or deleted.",
  "privacy.proof.emailSubject": "Your confirmation code",
  "privacy.proof.email":
    "Your code is {code}. It is valid for 10 minutes. Type it in the chat to confirm that you asked for a copy of your data or for its deletion. If you did not ask, do not share the code with anyone.",
  "choice.privacyProofCancel": "Cancel",
  "privacy.erase.underReview":
    "Your application {reference} is being reviewed and needs your details, so they can't be deleted now. Withdraw the application first, then ask again.",
  "faq.rejection-reasons": "What each reason in a decision means, and what to do about it:",
  "faq.false-information":
    "Submitting false information — someone else's ID card, invented details, an edited photo — fails the verification: that application can't be resubmitted, and the account may be disabled. An honest mistake (a typo, a blurry photo) is different: it is simply corrected and sent again.",
  "faq.foreign-documents":
    "The ID card method takes the 18-character resident ID card of mainland China only: a passport or another country's document can't be checked here. Without one, you can verify with the phone method (a code sent by SMS to your mobile), or through your company with the enterprise method; support can tell you more: {support}.",
  "faq.foreign-documents.noSms":
    "The ID card method takes the 18-character resident ID card of mainland China only: a passport or another country's document can't be checked here. Without one, you can verify through your company with the enterprise method; support can tell you more: {support}.",
  "faq.why-id-number":
    "Reviewers compare the ID number you type (the 18 characters at the bottom of the card's portrait side) with the photo of your card, to confirm the application is really yours. It is stored encrypted, shown only to the reviewer who opens your application, and erased {days} days after the decision; only a masked form (first 6 and last 4 characters) stays with the result.",
  "faq.delete-account":
    "You can have everything we hold about you deleted here: press “Delete my data” below (or send /privacy). Only the results of past applications stay, so an approval stays valid. An application still under review must be withdrawn first. Closing your platform account itself is done on the platform; support can help: {support}.",
  "faq.uscc":
    "The unified social credit code (统一社会信用代码) is a company's 18-character registration number, printed on its business licence, usually at the top left. It has digits and capital letters (never I, O, S, V or Z): type it exactly as printed. Reviewers compare it with the licence.",
  "faq.legal-rep-not-me":
    "You don't have to be the legal representative to verify a company. Type the legal representative's name and ID number exactly as on the business licence and their ID card, and send photos of both sides of their ID card; reviewers compare them with the licence.",
  "faq.wrong-photo":
    "Before you submit, a photo is easy to replace: send /back until its step (or choose “Change something” on the summary) and send the right one — it replaces the old one. After submitting, withdraw the application and apply again with the right photo.",
  "faq.wrongPhoto.submitted":
    "Your application {reference} is already with the reviewers, so its photos can't be replaced: withdraw it and apply again with the right photo.",
  "faq.official-channels":
    "Official announcements are published here: {official}. Notices about this assistant — maintenance, changes to the steps — also come to this chat.",
  "faq.official-channels.none":
    "Notices about verification — maintenance, changes to the steps — are sent to this chat. For anything else, support can help: {support}.",
  "faq.topic.rejection-reasons": "What a rejection reason means",
  "faq.topic.false-information": "False information",
  "faq.topic.foreign-documents": "Passports and foreign documents",
  "faq.topic.why-id-number": "Why my ID number is needed",
  "faq.topic.delete-account": "Deleting my data",
  "faq.topic.uscc": "The unified social credit code",
  "faq.topic.legal-rep-not-me": "I'm not the legal representative",
  "faq.topic.wrong-photo": "I sent the wrong photo",
  "faq.topic.official-channels": "Official announcements",
  "faq.didYouMean": "Did you mean one of these?",
  "faq.switchLanguage": "(You asked in English: send /lang en to have everything in English.)",
  "faq.wasThisHelpful": "Was this helpful?",
  "choice.helpfulYes": "👍",
  "choice.helpfulNo": "👎",
  "faq.feedbackThanks": "Thanks — glad it helped.",
  "faq.feedbackSorry":
    "Sorry it didn't help. Your question is noted so we can answer it better. You can browse all topics or talk to a person.",
  "choice.moreTopics": "More topics",
  "official.channels": "Official announcements: {official}.",
  "faq.noMatch": "Sorry, I'm not sure what you mean. Is it one of these? If not, see all topics or talk to a person.",
  "faq.pick": "Which topic can I help with?",
  "faq.yourRejection": "Your application {reference} was not approved because:",
  "faq.resubmitAllowed":
    "Yes — you can resubmit {reference}, as many times as needed (there is no limit): your answers are kept and only the items to fix are asked again.",
  "faq.answerThenContinue": "Now, back to where we were:",
  "support.requested":
    "I've passed your request to our team (reference {reference}). They answer here in this chat, {within}. You can also reach them at {support}.",
  "support.added":
    "I've added this to your request {reference}, which is already with our team. They answer here in this chat, {within}. You can also reach them at {support}.",
  "support.waiting":
    "Your request {reference} is already with our team. They answer here in this chat, {within}. You can also reach them at {support}.",
  "support.waitingStatus":
    "Your request {reference} to our team, sent on {time}, is waiting for their answer; it will come here, in this chat.",
  "support.answer": "Our team's answer to your request {reference}:\n\n{text}",
  "notification.subject.supportAnswer": "Our answer to your request {reference}",
  "support.withinOneDay": "usually within 1 business day",
  "support.withinDays": "usually within {days} business days",
  "support.ask":
    "What should our team know? Write your question or problem in one message and I'll pass it on with your request — or send the request without a message.",
  "support.notSent": "OK, no request sent.",
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
  "faq.noResultYet": "No result has been sent yet, so none is missing: once it is decided, you'll hear from me {channels}.",
  "faq.noResultWithdrawn":
    "A withdrawn application is not decided, so no result is sent for it: nothing is missing. A new application's result comes {channels}.",
  "faq.yourContact": "We send your results to {email} and {phone}. If either is wrong, that is why nothing arrived.",
  "faq.yourContact.email": "We send your results to {email}. If it is wrong, that is why nothing arrived.",
  "faq.yourContact.phone": "We send your results by SMS to {phone}. If it is wrong, that is why nothing arrived.",
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
  "telegram.command.restart": "Start over",
  "telegram.command.queue": "Reviewers: applications waiting for review",
  // Where the user's application stands (machines/situation-replies.ts).
  "situation.submitted": "Your application {reference} is with the reviewers; the decision is expected by {date}.",
  "situation.overdue":
    "Your application {reference} was due to be decided by {date} and is overdue — sorry for the wait. Overdue applications come first in the reviewers' queue.",
  "situation.waiting": "Reviewers need from you for application {reference}: {items}.",
  "situation.waitingUnspecified": "more information",
  "situation.note": "The reviewer wrote: “{note}”",
  "situation.waitingSince": "Asked on {time}.",
  "resubmit.continuing": "You are resubmitting it: the changes you made so far are kept.",
  "situation.waitingProviding": "You are sending it now: when it is in, press “Submit (I agree)” on the summary and the review goes on.",
  "situation.waitingAction": "Choose “Provide information” to send it: the review goes on as soon as it arrives.",
  "situation.rejected": "Your application {reference} was not approved:",
  "situation.reasonLine": "• {reason}",
  "situation.approvedSince": "✅ You are verified (approved on {date}).",
  "situation.approved": "✅ You are verified.",
  "situation.withdrawn": "You withdrew application {reference}.",
  "situation.held":
    "You submitted your application ({method}) on {time}, during maintenance: it is held, complete, and goes to the reviewers automatically when maintenance ends. I'll tell you then, with its reference and when to expect a decision.",
  "start.heldNoNew": "You can't start another application meanwhile.",
  "faq.heldNoChanges":
    "Until it goes to the reviewers it can't be changed. Once it is in review, you can correct your email and mobile number here, or withdraw it to change anything else.",
  "situation.draft": "Your application isn't submitted yet: {done} of {total} items done.",
  "situation.none": "You have no application yet. Choose “Start verification” to begin.",
  "situation.submittedOn": "Application {reference} ({method}), submitted on {date}.",
  "situation.verifiedBefore": "✅ You are verified (an earlier application was approved).",
  "situation.support": "You can reach support at {support}.",
  // Dates and times in the service's time zone (src/i18n/dates.ts).
  "date.day": "{weekday} {day} {month}",
  "date.time": "{day}, {time} {zone}",
  "date.unknown": "—",
  "weekday.0": "Sun",
  "weekday.1": "Mon",
  "weekday.2": "Tue",
  "weekday.3": "Wed",
  "weekday.4": "Thu",
  "weekday.5": "Fri",
  "weekday.6": "Sat",
  "month.1": "Jan",
  "month.2": "Feb",
  "month.3": "Mar",
  "month.4": "Apr",
  "month.5": "May",
  "month.6": "Jun",
  "month.7": "Jul",
  "month.8": "Aug",
  "month.9": "Sep",
  "month.10": "Oct",
  "month.11": "Nov",
  "month.12": "Dec",
  "faq.notRejected": "Your application {reference} was not rejected: reviewers only need more from you.",
  "faq.nothingFailed": "Nothing failed: your verification was approved.",
  "faq.notDecidedYet": "Nothing has failed so far: there is no decision yet.",
  "faq.nothingToWait": "There is nothing more to wait for.",
  "faq.updateContactNow": "You can change the email and mobile number on your application now, with the buttons below.",
  "faq.nothingElseChanges": "Nothing else on a submitted application can be changed: to correct it, withdraw it and apply again.",
  "faq.changeRequested":
    "You can change exactly what reviewers asked for: choose “Provide information”. For anything else, withdraw the application and apply again.",
  "start.waiting": "You can't start another application while {reference} is open.",
  "privacy.erase.waiting":
    "Application {reference} is waiting for your information, and its details are needed to decide it, so your data can't be deleted now. Withdraw it first, then try again.",
  "notify.here": "here",
  "notify.byEmail": "by email",
  "notify.bySms": "by SMS",
  "list.and": "{head} and {tail}",
  "consent.data.none": "your name and contact details",
  "consent.data.id_card": "your name, contact details, ID number and ID card photos",
  "consent.data.phone": "your name and contact details (the phone number proven by its code)",
  "consent.data.enterprise":
    "your name and contact details, the company's name and credit code, the licence photo, and the legal representative's name, ID number and ID card photos",
  "faq.verification-methods.noSms":
    "Two methods: personal ID card (your 18-character ID number plus photos of both sides — the usual choice for individuals); enterprise (company name, unified social credit code, a photo of the business licence, and the legal representative's name, ID number and photos of both sides of their ID card).",
  "faq.required-documents.noSms":
    "For the ID card method: photos of the front (portrait side) and back (national emblem side) of your resident ID card, still valid (an expired card is not accepted). For enterprises: a photo of the business licence (in force), plus the legal representative's ID number and photos of both sides of their ID card.",
  "notification.sms.note": " (“{note}”)",
  "faq.noMatchNoGuess": "Sorry, I'm not sure what you mean. You can see all the topics I can help with, or talk to a person.",
  "choice.allTopics": "All topics",
  "smallTalk.greeting": "Hello! 👋",
  "smallTalk.thanks": "You're welcome!",
  "smallTalk.goodbye": "Goodbye — I'm here whenever you need me.",
  "document.waitingForPhoto": "I'm waiting for a photo here: send it as an image or a file.",
  "cancel.doneStart": "Stopped. Choose “Start verification” whenever you are ready.",
  "cancel.doneProvideInfo": "Stopped. Your answers are kept — choose “Provide information” whenever you are ready.",
  "cancel.stopped": "Stopped.",
  "stop.optional":
    "That's fine: verification is your choice. Without it the platform can still be used; only its advanced features stay locked. To have everything we hold about you deleted, send /privacy.",
  "stop.inReview": "That's fine: verification is your choice. Your application is with the reviewers; withdrawing it stops the review.",
  "stop.verified":
    "You are already verified, and nothing more is asked of you. To have everything we hold about you deleted, send /privacy (the result of your verification stays).",
  "choice.keepPhoto": "Keep this photo",
  "choice.keepValue": "Keep “{value}”",
  "restart.confirm": "Start over? The answers and photos of your unfinished application will be deleted.",
  "choice.restartConfirm": "Yes, start over",
  "choice.restartCancel": "Keep my answers",
  "restart.done": "Done: your unfinished application and its photos were deleted.",
  "restart.kept": "Nothing was deleted.",
  "restart.nothing": "There is no unfinished application to start over.",
  "review.card.withdrawn": "Withdrawn by the applicant on {at}",
  "status.submitted.sentence": "under review",
  "status.needs_more_info.sentence": "waiting for more information",
  "status.approved.sentence": "approved",
  "status.rejected.sentence": "not approved",
  "status.withdrawn.sentence": "withdrawn",
  "why.name":
    "Please type your full name exactly as on your ID document (for example: Zhang San). Reviewers compare it with the document, so a nickname or a question here would make the application fail.",
  "email.none":
    "An email address is needed to apply. If you don't have one, create one with any email provider (it's free), then enter it here.",
  "why.kept":
    "It is stored encrypted, shown only to the reviewer who opens your application, and erased {days} days after the decision; /privacy tells more.",
  "phone.none":
    "A mobile phone number is needed to apply: registration asks for your name, email and phone. A number from any country works (start it with + and the country code); once you have one, enter it here.",
  "why.email": "Please type your email address (for example: name@example.com). {use}",
  "why.phone": "Please type your mobile phone number (for example: 138 1234 5678). {use}",
  "phone.use.result": "We use it to tell you the result by SMS and, with the phone method, to confirm it is yours.",
  "phone.use.details": "It is part of your verification details: use a real number of your own.",
  "why.idNumber":
    "Please type the 18-character number printed at the bottom of the portrait side of your resident ID card (the last character may be X). Reviewers compare it with the card's photo to confirm it is you; it is stored encrypted.",
  "why.companyName":
    "Please type the company's full registered name, exactly as on its business licence. Reviewers compare it with the licence.",
  "why.uscc":
    "Please type the 18-character unified social credit code (统一社会信用代码) printed on the business licence. It identifies the company; reviewers compare it with the licence.",
  "why.legalRepName":
    "Please type the legal representative's full name as printed on the business licence (法定代表人). If that is not you, type their name anyway: reviewers compare it with the licence.",
  "why.legalRepId":
    "Please type the legal representative's 18-character resident ID number. Reviewers use it to confirm the person named on the licence; it is stored encrypted.",
  "review.theApplicant": "the applicant",
  "review.aReviewer": "a reviewer",
  "review.anOperator": "an operator",
  "review.theSystem": "the assistant",
} as const;

export type MessageKey = keyof typeof en;
