import type { FaqTopic } from "./faq-topics.js";

/**
 * How people ask about each topic, in both languages: the matcher's
 * examples. Written from the seed articles' FAQs and from how users phrase
 * things in chat; the labelled evaluation set in test/fixtures is separate.
 */
export const FAQ_PHRASINGS: Record<FaqTopic, string[]> = {
  "verification-steps": [
    "认证流程是什么", "怎么认证", "如何完成认证", "认证需要哪几步", "认证步骤", "怎样才能通过认证", "第一次认证要做什么", "实名认证怎么弄",
    "how do I get verified", "verification process", "what are the steps to verify", "how does verification work", "how to complete verification", "steps for verification", "where do I start verifying",
    "开始认证要做什么", "认证从哪里开始", "认证怎么操作", "认证第一步", "how do I start verification", "what should I do first", "guide me through getting verified",
  ],
  "verification-methods": [
    "有哪些认证方式", "认证方式有几种", "可以用手机认证吗", "企业认证和个人认证有什么区别", "选哪种认证方式", "能不能用身份证认证", "企业怎么认证",
    "which verification methods are there", "can I verify with my phone", "ID card or phone verification", "what options do I have to verify", "company verification or personal", "how do companies verify",
    "认证方法有哪些", "公司怎么认证", "以企业身份认证", "不想用身份证认证", "ways to get verified", "verification options", "verify as a business",
  ],
  "required-documents": [
    "需要准备什么材料", "要上传哪些证件", "需要什么资料", "企业认证要什么材料", "要不要营业执照", "需要身份证正反面吗", "准备哪些文件",
    "what documents do I need", "which papers are required", "do I need my ID card", "what do I have to upload", "documents needed for company verification", "do I need a business licence",
    "身份证正面和反面都要吗", "要拍身份证吗", "需要什么证件", "材料清单", "paperwork needed", "documents to prepare", "do I need photos of my id card",
  ],
  "document-requirements": [
    "照片有什么要求", "证件照片格式", "图片多大", "照片不能超过多少", "黑白照片可以吗", "复印件可以吗", "照片要求清晰吗", "支持什么格式", "上传照片总是失败", "照片模糊怎么办",
    "photo requirements", "what file format", "how big can the photo be", "is a black and white copy ok", "can I upload a scan", "jpg or png", "max file size for documents", "my photo keeps getting rejected when uploading",
    "照片要彩色的吗", "照片不合格", "照片太模糊", "拍得不清楚", "照片尺寸", "photo in colour", "color photo", "blurry picture", "image quality", "photo not accepted", "image too small", "pdf allowed",
  ],
  "review-time": [
    "审核要多久", "多久能通过", "几天出结果", "审核时间", "什么时候有结果", "等了好几天还没审核", "审核怎么这么慢", "多长时间审核完",
    "how long does review take", "when will I get the result", "how many days for approval", "review time", "it has been days and still waiting", "why is the review so slow", "how long until I'm verified",
    "一直没有结果", "等了很久没审核", "需要几个工作日", "taking too long", "no result yet after days", "business days for review",
  ],
  "check-status": [
    "怎么查询审核进度", "我的申请状态", "查看申请进度", "申请到哪一步了", "审核进度在哪看", "怎么知道审核结果",
    "check my application status", "where can I see my status", "what is the status of my application", "track my application", "how do I know if I'm approved",
    "看看有没有通过", "申请状态在哪里", "see if I am approved", "application progress", "current status",
  ],
  "failure-reasons": [
    "为什么认证失败", "为什么被拒绝", "认证没通过是什么原因", "审核不通过怎么办", "申请被驳回了", "失败的原因是什么", "为啥没过",
    "why was my verification rejected", "why did it fail", "verification failed", "my application was declined why", "reason for rejection", "what went wrong with my verification",
    "没通过的原因", "不通过是因为什么", "denied verification", "failed why", "rejected reason",
  ],
  "resubmit": [
    "可以重新申请吗", "被拒后还能再提交吗", "能再认证一次吗", "重新提交认证", "失败了还能再试吗", "可以重复申请吗",
    "can I apply again", "can I resubmit", "try again after rejection", "is it possible to reapply", "submit again", "can I retry verification",
    "再申请一次", "重新来一次", "reapply", "another attempt", "second try",
  ],
  "modify-application": [
    "提交后能修改吗", "填错了怎么改", "申请提交了想改信息", "怎么修改已提交的申请", "能不能撤回申请", "提交错了怎么办",
    "can I change my application after submitting", "I made a mistake in my application", "edit submitted application", "how to withdraw my application", "I entered the wrong info and already submitted",
    "改申请内容", "撤销申请", "wrong information submitted", "undo my submission", "withdraw",
  ],
  "notification-missing": [
    "没收到通知", "没收到邮件", "短信没收到", "审核结果通知没收到", "一直没有收到结果邮件", "邮件在哪里",
    "I didn't get the notification", "no email received", "never got the sms", "where is the result email", "didn't receive any message about the result",
    "通知没来", "没有任何消息", "邮件没到", "haven't heard anything", "no message arrived",
  ],
  "forgot-email": [
    "忘记注册邮箱了", "不记得用哪个邮箱注册的", "邮箱忘了怎么办", "找回账号", "注册邮箱找不到了",
    "I forgot my email", "which email did I register with", "forgot the email address I used", "recover my account", "lost access to my registration email",
    "记不得注册邮箱", "想不起邮箱地址", "don't remember which email", "forgotten email address",
  ],
  "update-info": [
    "认证后怎么改手机号", "换了手机号怎么办", "更新邮箱", "法人变更怎么办", "认证通过后还要更新信息吗", "修改联系方式",
    "how do I update my phone number", "change my email after verification", "our legal representative changed", "update my contact details", "do I need to keep my info up to date",
    "法定代表人变更", "更换法人", "新的法人", "legal representative changed", "new phone number update", "new email address update",
  ],
  "benefits": [
    "认证有什么好处", "为什么要认证", "认证后能用什么功能", "不认证会怎样", "认证有什么用",
    "what are the benefits of verification", "why should I verify", "what do I get after verification", "what happens if I don't verify", "what features does verification unlock",
    "认证的用处", "认证后有哪些功能", "advantages of verification", "what's in it for me", "verified features",
  ],
  "account-problem": [
    "账号被停用了", "账号被注销了还能认证吗", "账号异常", "账号被封了", "我的账号不能用了",
    "my account is disabled", "account was cancelled", "account suspended can I still verify", "something is wrong with my account", "my account got banned",
    "账号被关闭了", "账号冻结", "account closed", "account frozen", "account deactivated", "account locked",
  ],
  "platform-issue": [
    "上传不了", "系统出错了", "网站打不开", "一直转圈", "网络不好上传失败", "系统维护", "平台故障",
    "the upload doesn't work", "the site is down", "error when uploading", "system maintenance", "page keeps loading", "network problem during upload",
    "报错", "出错了", "加载不出来", "服务器问题", "error message", "bug", "crash", "not working", "failed to upload file",
  ],
  "contact-support": [
    "怎么联系客服", "人工客服", "客服电话", "我要找人工", "转人工", "投诉",
    "how do I contact support", "talk to a human", "customer service", "I want to speak to someone", "support email", "help desk",
    "客服的联系方式", "人工服务", "support contact", "reach support", "agent",
  ],
  "privacy": [
    "我的信息安全吗", "身份证信息会泄露吗", "个人信息怎么保护", "你们会保存我的照片吗", "隐私政策", "数据给谁看",
    "is my data safe", "who can see my ID", "privacy", "do you store my photos", "how is my personal information protected", "will you share my data",
    "个人资料安全", "信息会保存多久", "照片会被保存吗", "谁能看到我的资料", "data retention", "secure", "store my photos",
  ],
};
