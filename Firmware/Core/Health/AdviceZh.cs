namespace PosSlot.Firmware.Health
{
    /// <summary>Maintenance advice in Simplified Chinese (the field technicians' language): the fault, and what to do at each level.</summary>
    public static class AdviceZh
    {
        public static readonly string[] Diagnosis = new string[]
        {
            // ContactWear
            "触点磨损：接触抖动比新卡槽时明显增大。",
            // LooseSpring
            "卡簧松动或疲劳：卡片到位慢或无法到位。",
            // IntermittentContact
            "接触不良（脏污或微动磨损）：插卡期间触点断续。",
            // DetectSwitch
            "插卡检测开关异常：无法正确跟随卡片。",
            // ReadFailures
            "芯片读取失败（无法识别卡片）。",
            // RatedLife
            "卡槽已接近或超过额定插拔寿命。",
        };

        public static readonly string[] Check = new string[]
        {
            "下次巡检时：清洁卡槽和卡片触点，并观察抖动是否继续增大。",
            "下次巡检时：检查卡簧；检查插卡方式（完整、平稳地插入）。",
            "下次巡检时：清洁卡槽和卡片；检查终端附近是否高温、潮湿。",
            "下次巡检时：检查检测开关拨片是否活动自如、有无变形。",
            "下次巡检时：清洁卡槽和卡片触点；检查插卡方式。",
            "下次巡检时：记录插拔次数并安排更换；避免过多插拔。",
        };

        public const string Plan = "请安排更换：通过供应商订购卡槽并预约上门；在此之前卡槽仍可使用。";
        public const string CleanThenPlan = "请立即清洁卡槽；清洁后故障仍在，请通过供应商安排更换。";
        public const string UseExternalReader = "请立即改用外接读卡器：卡槽已导致支付失败。请通过供应商更换卡槽。";
        public const string UseExternalReaderThenClean = "请立即改用外接读卡器：卡槽已导致支付失败。请清洁卡槽；如故障复发，请通过供应商更换。";
    }
}
