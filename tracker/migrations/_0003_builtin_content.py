# Built-in content for backhabits: the in-app back-health guide and the habit tips, as migration
# 0003 loads it (its own copy: the leading underscore keeps Django from taking it for a
# migration). Editors change the content in the admin afterwards. Editing this file changes
# nothing for a database already migrated: new or changed built-in content arrives in a new
# data migration with its own copy. Plain Python data, no Django imports.
# Written in our own words from a general article on back cracking, with its claims
# checked and softened where needed (see the hydration and technique wording).

GUIDE_SECTIONS = [
    {
        "slug": "about-this-guide",
        "title": "About this guide",
        "order": 10,
        "body": (
            "This guide gives general information about back stiffness, why backs sometimes "
            '"crack", and the everyday habits that may help. It is not a diagnosis, and it is no '
            "substitute for being assessed by a doctor or physiotherapist who can examine you in "
            "person.\n"
            "\n"
            "backhabits is meant for people aged 16 and over.\n"
            "\n"
            "### Before you try anything\n"
            "\n"
            "- If your symptoms are severe, new, or worrying you, get them checked by a health "
            "professional rather than relying on an app.\n"
            "- If any movement in this guide hurts, stop. A mild stretching feeling is normal; "
            "pain is not a sign to push on.\n"
            "- If you already have a back condition, have had back surgery, or are pregnant, ask "
            "your doctor or physiotherapist which movements suit you.\n"
            "\n"
            "### How to use it\n"
            "\n"
            "Everyone's back is different, so take what is useful, go at your own pace and be "
            "kind to your body. Each section is short and can be read on its own.\n"
            "\n"
            "Please read **When to seek help**, even if your back feels fine today. It lists the "
            "warning signs that mean you should get help quickly, and it is the most important "
            "part of this guide."
        ),
    },
    {
        "slug": "what-the-crack-is",
        "title": "What the crack actually is",
        "order": 20,
        "body": (
            "The pop you sometimes hear when you twist or stretch usually comes from the small "
            "joints that link the bones of your spine, known as facet joints. Each one is "
            "wrapped in a capsule containing a slippery fluid.\n"
            "\n"
            "When the joint is stretched quickly, the pressure inside the capsule drops and gas "
            "that was dissolved in the fluid comes out as a bubble. This is called "
            "**cavitation**. It is the same thing that happens when people crack their knuckles, "
            "and it is generally harmless.\n"
            "\n"
            "### What it is not\n"
            "\n"
            'The noise does not mean a bone has slipped "back into place". Your vertebrae were '
            "not out of position to begin with, and a pop does not realign anything.\n"
            "\n"
            "### Why it feels good, and why that fades\n"
            "\n"
            "Many people feel looser after a crack. That feeling is real, but it is usually "
            "short-lived, often lasting minutes rather than days. The stretch and the brief "
            "relaxation of nearby muscles probably do most of the good. Once a joint has popped, "
            "it generally can't pop again for a while, so twisting over and over gains nothing.\n"
            "\n"
            "### When a crack is different\n"
            "\n"
            "- A crack that comes with sharp pain, a sense of something giving way, or pain that "
            "lingers afterwards is not the harmless kind. Get it checked.\n"
            "- Wanting to crack your back many times a day is often a sign of stiffness that is "
            "better eased with movement and good habits than with more cracking."
        ),
    },
    {
        "slug": "causes-of-stiffness",
        "title": "Why backs get stiff",
        "order": 30,
        "body": (
            "A stiff back rarely has one single cause. Several everyday things can add up.\n"
            "\n"
            "### Tight muscles\n"
            "\n"
            "The muscles along your spine, hips and shoulders can tighten after hard physical "
            "work, unfamiliar exercise, or simply not moving much. Tight muscles make the back "
            "feel stiff and restricted, and that is often when the urge to crack it appears.\n"
            "\n"
            "### Posture and staying still\n"
            "\n"
            'There is no single "perfect" posture. The bigger issue tends to be holding any one '
            "position, slumped or upright, for a long time. Hours at a desk, on the sofa or bent "
            "over a phone can leave your back aching. Changing position often matters more than "
            "sitting bolt upright.\n"
            "\n"
            "### Hydration\n"
            "\n"
            "You may read that dehydration dries out your joints. In fact, the evidence "
            "linking everyday hydration to back stiffness is limited. What is known is that the "
            "discs between your vertebrae are mostly water, and that they naturally lose and "
            "regain some fluid over the course of a day. Drinking enough is sensible for your "
            "general health, but it is unlikely to fix a stiff back by itself.\n"
            "\n"
            "### Stress\n"
            "\n"
            "When you feel stressed or anxious, your muscles tend to tense up, often in the "
            "neck, shoulders and upper back, without you noticing. Over time that tension can "
            "feel like stiffness or aching. Stress can also disturb sleep, and poor sleep can "
            "make discomfort harder to cope with.\n"
            "\n"
            "Most of these factors are things you can influence from day to day, which is why "
            "backhabits asks about them."
        ),
    },
    {
        "slug": "gentle-self-care",
        "title": "Gentle self-care for a stiff back",
        "order": 40,
        "body": (
            "When your back feels stiff, gentle movement usually does more good than trying to "
            "force a crack. The aim is to loosen up, not to make a noise.\n"
            "\n"
            "**Read this first:** only try these if you have no existing back condition. If you "
            "are unsure, or you have had a back injury or surgery, ask a doctor or "
            "physiotherapist before you start. Stop straight away if anything hurts.\n"
            "\n"
            "### Gentle stretching\n"
            "\n"
            "Move slowly and smoothly. Ease into each stretch until you feel a mild pull, hold "
            "it while breathing normally, then ease out. No bouncing, jerking or hard pulling, "
            "and never stretch into pain. A warm shower beforehand can help muscles relax.\n"
            "\n"
            "### Back roll\n"
            "\n"
            "1. Lie face up on a mat, carpet or firm bed.\n"
            "2. Draw your knees towards your chest and hug them loosely.\n"
            "3. Slowly rock or roll a little from side to side, letting your lower back relax.\n"
            "4. Carry on for 30 seconds to a minute, breathing steadily.\n"
            "\n"
            "### Over-the-shoulder reach\n"
            "\n"
            "This one is for the upper back.\n"
            "\n"
            "1. Sit or stand tall.\n"
            "2. Bring one hand across your chest and over the opposite shoulder, resting it near "
            "your shoulder blade.\n"
            "3. Pull lightly as you breathe out, so you feel a stretch between your shoulder "
            "blades, and hold for a few breaths.\n"
            "4. Swap sides.\n"
            "\n"
            "### Worth remembering\n"
            "\n"
            "- You don't need to hear a crack for a stretch to help.\n"
            "- If a joint pops on its own, that's fine, but don't keep twisting to chase another "
            "one.\n"
            "- A few minutes a few times a day tends to work better than one long session."
        ),
    },
    {
        "slug": "techniques-that-need-care",
        "title": "Techniques that need extra care",
        "order": 50,
        "body": (
            "Some popular ways of cracking the back involve twisting further or using force. "
            "These need more care, and one of them is best left to professionals.\n"
            "\n"
            "### Seated spinal twist\n"
            "\n"
            "Done gently, this can be a useful stretch.\n"
            "\n"
            "1. Sit near the front of a sturdy chair with your feet flat on the floor.\n"
            "2. Sit tall, then slowly turn your upper body to one side, leading with your chest "
            "rather than your head.\n"
            "3. Rest a hand on the chair back or your thigh to steady yourself, without using it "
            "to lever yourself further round.\n"
            "4. Stay within a range that feels comfortable, hold for a few breaths, come back to "
            "the middle and repeat on the other side.\n"
            "\n"
            "Stop if you feel sharp pain, pins and needles, or pain travelling down a leg.\n"
            "\n"
            "### Partner-assisted back extension\n"
            "\n"
            "In this technique another person arches or presses on your back to make it crack. "
            "Only let someone trained do this, such as a physiotherapist, chiropractor or "
            "osteopath, and only after they have assessed you.\n"
            "\n"
            "**Forceful manipulation by an untrained person can cause injury**, such as strained "
            "muscles or damaged ligaments, and occasionally more serious harm. It is also hard "
            "for someone else to judge when to stop.\n"
            "\n"
            "### Please don't ask friends or family\n"
            "\n"
            "Walking on someone's back, lifting them off the ground from behind, or pushing hard "
            "on the spine can seem like harmless fun, but they carry real risk. If your back "
            "feels stiff enough that you want someone else to crack it, that is a good reason to "
            "book an appointment with a professional instead."
        ),
    },
    {
        "slug": "when-to-seek-help",
        "title": "When to seek help",
        "order": 60,
        "body": (
            "Most back pain gets better on its own within a few weeks, and staying gently "
            "active, rather than resting in bed, usually helps you recover.\n"
            "\n"
            "Some symptoms need a professional, though. If any of the signs below apply to you, "
            "**don't try to crack or stretch your back**. Get help instead.\n"
            "\n"
            "### Call your local emergency number or go to A&E immediately if you have\n"
            "\n"
            "- numbness or tingling around your genitals, bottom or inner thighs\n"
            "- new problems controlling your bladder or bowels, or being unable to pee\n"
            "- weakness or numbness in both legs\n"
            "\n"
            "These can be signs of serious problems with the nerves in the lower back, which "
            "need treating quickly.\n"
            "\n"
            "### See a doctor urgently, the same day, if you have back pain and\n"
            "\n"
            "- a fever, or you feel hot and shivery\n"
            "- weight loss you can't explain\n"
            "- pain at night that doesn't ease\n"
            "- a history of cancer\n"
            "\n"
            "### Book an appointment with a GP or physiotherapist if\n"
            "\n"
            "- your pain is severe\n"
            "- it has lasted more than a few weeks, keeps coming back, or is getting worse\n"
            "- pain spreads down a leg, or you have numbness, tingling or weakness in a leg\n"
            "- the pain began after a fall or other injury (if the injury was serious, get seen "
            "urgently)\n"
            "- a crack was followed by sharp pain\n"
            "\n"
            "If you're not sure how urgent your symptoms are, contact a health professional or "
            "your local health advice line. Getting checked is never a waste of anyone's time."
        ),
    },
    {
        "slug": "prevention",
        "title": "Preventing back trouble",
        "order": 70,
        "body": (
            "Small habits repeated every day tend to do more for your back than occasional big "
            "efforts.\n"
            "\n"
            "### Posture and set-up\n"
            "\n"
            "- Raise your screen so the top of it is roughly at eye level.\n"
            "- Sit with your feet flat on the floor or a footrest, and your lower back supported "
            "by the chair.\n"
            "- Get up, move about or change position roughly every 30 minutes.\n"
            "- When lifting, keep the load close, bend at your hips and knees and let your legs "
            "do the work. Avoid twisting while carrying.\n"
            "\n"
            "### Exercise and core strength\n"
            "\n"
            "Regular activity keeps your back stronger and more flexible. Walking, swimming, "
            "yoga and Pilates are all good choices; yoga and Pilates also work the deep muscles "
            "around your trunk, often called your core. Start gently and build up bit by bit. "
            "Most adults are advised to aim for about 150 minutes of moderate activity a week.\n"
            "\n"
            "### Hydration\n"
            "\n"
            "Drink enough through the day that you rarely feel thirsty and your pee is pale. "
            "That is good for your general health. Just don't expect water alone to prevent back "
            "problems, as the evidence for a direct link is limited.\n"
            "\n"
            "### Managing stress\n"
            "\n"
            "- Try a few minutes of slow breathing, in for about four counts and out for about "
            "six.\n"
            "- Keep regular sleep and wake times.\n"
            "- Make room for things that help you unwind, such as time outdoors, music or a "
            "hobby.\n"
            "\n"
            "### Sleep position\n"
            "\n"
            "Many people are comfortable on their side with a pillow between their knees, or on "
            "their back with a pillow under their knees. A supportive, medium-firm mattress "
            "suits many people, but what feels comfortable to you matters most."
        ),
    },
    {
        "slug": "using-backhabits",
        "title": "Using backhabits",
        "order": 80,
        "body": (
            "backhabits helps you see how your daily habits and your back relate to each other. "
            "Each day you can log:\n"
            "\n"
            "- **Posture**, rated from 1 (slumped most of the day) to 5 (upright with regular "
            "breaks)\n"
            "- **Exercise**, in minutes\n"
            "- **Water**, how much you drank, in millilitres or fluid ounces\n"
            "- **Stress**, rated 0 to 10\n"
            "- **Discomfort**, rated 0 to 10\n"
            "\n"
            "### Spotting patterns\n"
            "\n"
            "After a couple of weeks, trends start to show. You might notice that discomfort "
            "tends to be higher after long days at a desk, or lower in weeks when you walk more.\n"
            "\n"
            "A trend is a clue, not proof. It shows an **association, not a cause**: two things "
            "rising together doesn't mean one led to the other. Use what you notice as a "
            "starting point for small experiments, or to share with a health professional.\n"
            "\n"
            "### Safety messages\n"
            "\n"
            "If something you log matches a warning sign, the app will tell you to seek care. "
            "This message can't be turned off. It is there to protect you, but it doesn't "
            "replace your own judgement: if you feel something is wrong, get help even if the "
            "app hasn't said anything.\n"
            "\n"
            "Logging is quick. Keeping it up matters more than getting it perfect, so a missed "
            "day is nothing to worry about."
        ),
    },
]

TIPS = [
    {
        "key": "screen-at-eye-level",
        "title": "Raise your screen to eye level",
        "body": (
            "Prop your laptop or monitor up so the top of the screen is roughly level with your "
            "eyes. A stack of books plus a separate keyboard works fine."
        ),
        "habit": "posture",
        "section": "prevention",
        "priority": 70,
    },
    {
        "key": "move-every-30-minutes",
        "title": "Change position every half hour",
        "body": (
            "Set a gentle reminder to stand, stretch or walk for a minute about every 30 "
            "minutes. Staying still for hours is harder on your back than any one way of "
            "sitting."
        ),
        "habit": "posture",
        "section": "prevention",
        "priority": 80,
    },
    {
        "key": "feet-flat-on-floor",
        "title": "Plant your feet when you sit",
        "body": (
            "Rest your feet flat on the floor or on a footrest, with your knees roughly level "
            "with your hips and your lower back against the chair."
        ),
        "habit": "posture",
        "section": "prevention",
        "priority": 55,
    },
    {
        "key": "phone-up-not-head-down",
        "title": "Bring your phone up to you",
        "body": (
            "Hold your phone nearer eye level rather than bending your neck to look down at it, "
            "especially for long reads or videos."
        ),
        "habit": "posture",
        "section": "causes-of-stiffness",
        "priority": 60,
    },
    {
        "key": "lift-with-your-legs",
        "title": "Lift with your legs, not your back",
        "body": (
            "Keep the load close to your body, bend at your hips and knees and avoid twisting "
            "while you carry. Ask for help with anything heavy or awkward."
        ),
        "habit": "posture",
        "section": "prevention",
        "priority": 65,
    },
    {
        "key": "ten-minute-walk",
        "title": "Start with a 10-minute walk",
        "body": (
            "A brisk 10-minute walk is an easy way to get moving. Add a few minutes each week as "
            "it starts to feel comfortable."
        ),
        "habit": "exercise",
        "section": "prevention",
        "priority": 75,
    },
    {
        "key": "try-pilates-or-yoga",
        "title": "Try a beginners' Pilates or yoga class",
        "body": (
            "Both build the deep muscles around your trunk. Tell the instructor about any back "
            "trouble and skip any pose that hurts."
        ),
        "habit": "exercise",
        "section": "prevention",
        "priority": 55,
    },
    {
        "key": "swim-or-water-exercise",
        "title": "Give swimming a go",
        "body": (
            "Water supports your weight, so swimming or an aqua class is a kind way to stay "
            "active if other exercise feels hard on your back."
        ),
        "habit": "exercise",
        "section": "prevention",
        "priority": 50,
    },
    {
        "key": "build-up-gradually",
        "title": "Build up slowly",
        "body": (
            "Increase how long or how hard you exercise a little at a time. Sudden jumps in "
            "activity are a common cause of sore muscles."
        ),
        "habit": "exercise",
        "section": "prevention",
        "priority": 60,
    },
    {
        "key": "aim-for-150-minutes",
        "title": "Aim for about 150 active minutes a week",
        "body": (
            "That is roughly 30 minutes on five days. Everyday activity counts too, such as "
            "cycling to work or a brisk lunchtime walk."
        ),
        "habit": "exercise",
        "section": "prevention",
        "priority": 45,
    },
    {
        "key": "water-bottle-in-sight",
        "title": "Keep a water bottle in sight",
        "body": (
            "Keep a refillable bottle on your desk or in your bag so it's easy to sip through "
            "the day. It's good for your general health, even if it won't fix a stiff back by "
            "itself."
        ),
        "habit": "water",
        "section": "prevention",
        "priority": 50,
    },
    {
        "key": "check-urine-colour",
        "title": "Let your pee be your guide",
        "body": (
            "Pale, straw-coloured pee usually means you're drinking enough. Darker pee is a "
            "prompt to have a drink."
        ),
        "habit": "water",
        "section": "prevention",
        "priority": 45,
    },
    {
        "key": "drink-with-meals",
        "title": "Have a drink with every meal",
        "body": (
            "Pairing a glass of water with each meal is an easy habit to build and helps you "
            "keep a steady intake through the day."
        ),
        "habit": "water",
        "section": "prevention",
        "priority": 40,
    },
    {
        "key": "extra-on-hot-or-active-days",
        "title": "Top up on hot or active days",
        "body": (
            "You lose more fluid when it's warm or after exercise, so drink a little more often "
            "on those days."
        ),
        "habit": "water",
        "section": "prevention",
        "priority": 40,
    },
    {
        "key": "realistic-about-water",
        "title": "Keep expectations about water realistic",
        "body": (
            "Your spinal discs are mostly water, but evidence that everyday drinking affects "
            "back stiffness is limited. Drink enough for your general health, and lean on "
            "movement to ease stiffness."
        ),
        "habit": "water",
        "section": "causes-of-stiffness",
        "priority": 35,
    },
    {
        "key": "slow-breathing",
        "title": "Try two minutes of slow breathing",
        "body": (
            "Breathe in through your nose for about four counts and out for about six. Slowing "
            "your breath can help tense muscles let go."
        ),
        "habit": "stress",
        "section": "prevention",
        "priority": 65,
    },
    {
        "key": "drop-your-shoulders",
        "title": "Drop your shoulders",
        "body": (
            "A few times a day, check whether your shoulders have crept up towards your ears. "
            "Let them sink down and unclench your jaw."
        ),
        "habit": "stress",
        "section": "causes-of-stiffness",
        "priority": 60,
    },
    {
        "key": "protect-your-sleep",
        "title": "Protect your sleep",
        "body": (
            "Go to bed and get up at similar times each day, and put screens away a little "
            "before bed. Good sleep makes stress and aches easier to handle."
        ),
        "habit": "stress",
        "section": "prevention",
        "priority": 55,
    },
    {
        "key": "get-outside",
        "title": "Take a break outdoors",
        "body": (
            "A short walk outside, even just around the block, can help you switch off and gets "
            "you moving at the same time."
        ),
        "habit": "stress",
        "section": "prevention",
        "priority": 45,
    },
    {
        "key": "evening-wind-down",
        "title": "Plan a 10-minute wind-down",
        "body": (
            "Set aside a few minutes each evening for something that relaxes you, such as "
            "reading, music, light stretching or a warm bath."
        ),
        "habit": "stress",
        "section": "prevention",
        "priority": 40,
    },
    {
        "key": "talk-to-someone",
        "title": "Talk to someone if stress feels too much",
        "body": (
            "If stress is hard to manage on your own, talk to someone you trust or to your GP. "
            "You don't have to wait until things get worse."
        ),
        "habit": "stress",
        "section": "prevention",
        "priority": 50,
    },
    {
        "key": "back-roll",
        "title": "Try a gentle back roll",
        "body": (
            "Lie face up, hug your knees towards your chest and slowly rock from side to side "
            "for up to a minute. Stop if it hurts."
        ),
        "habit": "discomfort",
        "section": "gentle-self-care",
        "priority": 80,
    },
    {
        "key": "over-the-shoulder-reach",
        "title": "Ease your upper back with an over-the-shoulder reach",
        "body": (
            "Bring one hand across your chest and over the opposite shoulder, pull lightly for a "
            "few breaths, then swap sides. Stop if you feel pain."
        ),
        "habit": "discomfort",
        "section": "gentle-self-care",
        "priority": 70,
    },
    {
        "key": "stretch-without-bouncing",
        "title": "Stretch slowly, without bouncing",
        "body": (
            "Ease into a stretch until you feel a mild pull, hold it for a few breaths, then "
            "ease out. Never push into pain; stop if it hurts."
        ),
        "habit": "discomfort",
        "section": "gentle-self-care",
        "priority": 75,
    },
    {
        "key": "gentle-warmth",
        "title": "Use gentle warmth",
        "body": (
            "A warm shower or a wrapped heat pack for 15 to 20 minutes can help stiff muscles "
            "relax. Never put heat straight on your skin, and stop if it hurts or feels too hot."
        ),
        "habit": "discomfort",
        "section": "gentle-self-care",
        "priority": 60,
    },
    {
        "key": "keep-gently-moving",
        "title": "Keep gently moving",
        "body": (
            "Short, easy walks usually help a sore back more than resting in bed. Go at a "
            "comfortable pace and stop if the pain gets worse."
        ),
        "habit": "discomfort",
        "section": "gentle-self-care",
        "priority": 65,
    },
    {
        "key": "no-need-to-crack",
        "title": "You don't need to hear a crack",
        "body": (
            "A stretch can help even if your back stays silent. If a joint pops, that's fine, "
            "but don't keep twisting to make it happen again, and stop if anything hurts."
        ),
        "habit": "discomfort",
        "section": "what-the-crack-is",
        "priority": 55,
    },
    {
        "key": "log-same-time-daily",
        "title": "Log at the same time each day",
        "body": (
            "Pick a regular moment, such as after your evening meal, to log your day. A steady "
            "routine gives you clearer trends."
        ),
        "habit": "general",
        "section": "using-backhabits",
        "priority": 60,
    },
    {
        "key": "patterns-are-clues",
        "title": "Treat patterns as clues, not proof",
        "body": (
            "If two things seem to move together in your trends, try one small change for a week "
            "or two and see what happens. A trend shows association, not cause."
        ),
        "habit": "general",
        "section": "using-backhabits",
        "priority": 45,
    },
    {
        "key": "keep-up-good-habits",
        "title": "Keep doing what works",
        "body": (
            "When your habits are on track, keep them steady rather than easing off. Small daily "
            "habits are what protect your back over time."
        ),
        "habit": "general",
        "section": "prevention",
        "priority": 50,
    },
    {
        "key": "check-sleep-setup",
        "title": "Check your sleep set-up",
        "body": (
            "If you often wake up stiff, try a pillow between your knees when you lie on your "
            "side, or under your knees when you lie on your back."
        ),
        "habit": "general",
        "section": "prevention",
        "priority": 35,
    },
    {
        "key": "bring-log-to-appointments",
        "title": "Bring your log to appointments",
        "body": (
            "If you see a GP or physiotherapist, your logged trends can help you describe how "
            "your back has been over recent weeks."
        ),
        "habit": "general",
        "section": "using-backhabits",
        "priority": 30,
    },
]
