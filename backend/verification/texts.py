"""Chinese names of document types and case fields, for messages."""

from __future__ import annotations

DOC_ZH = {
    "id_card": "身份证",
    "business_licence": "营业执照",
    "loan_contract": "借款合同",
    "repayment_statement": "还款明细",
    "marital_status_certificate": "婚姻状况证明",
    "no_housing_certificate": "无房证明",
    "unit_registration_form": "单位缴存登记表",
    "rental_contract": "租房合同",
}
FIELD_ZH = {
    "name": "姓名",
    "id_number": "身份证号码",
    "phone": "手机号码",
    "withdrawal_reason": "提取原因",
    "amount": "提取金额",
    "bank_account": "收款银行账号",
    "proxy_name": "代理人姓名",
    "proxy_id_number": "代理人身份证号码",
    "unit_name": "单位名称",
    "uscc": "统一社会信用代码",
    "unit_address": "单位地址",
    "legal_representative": "法定代表人",
    "contact_name": "经办人",
    "contact_phone": "经办人电话",
    "unit_deposit_ratio": "单位缴存比例",
    "personal_deposit_ratio": "个人缴存比例",
    "company_name": "单位名称",
    "borrower_name": "借款人",
    "borrower_id_number": "借款人身份证号码",
    "tenant_name": "承租人",
    "tenant_id_number": "承租人身份证号码",
    "property_address": "房屋坐落",
    "rental_address": "租赁房屋地址",
}
